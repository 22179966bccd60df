package org.valise.notification.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What intake understood of a note ({@code note-fields.v1.schema.json}); a field that does not apply is null.
 *
 * @param docType note_verbale, letter or other
 * @param language ISO 639-1 code of the body text
 * @param reference the sender's own number for the document
 * @param inReplyTo the earlier note(s) this one answers
 * @param date the date of the document
 * @param place the place of dispatch
 * @param sender the sending entity as written
 * @param recipient whom the document is addressed to
 * @param recipientHead the head of the organisation, when the note is meant for the head
 * @param enclosures the documents transmitted with the note
 * @param requestedAction what the sender asks for
 * @param highestDestination whether the text asks for the head of the organisation
 * @param confidential whether the note is marked confidential
 * @param scripts the writing systems present, e.g. Latin, Khmer
 * @param subject the subject, if any
 * @param evidence for each extracted field, the span of the text it came from
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteFields(String docType, String language, String reference, String inReplyTo, LocalDate date,
		String place, String sender, String recipient, String recipientHead, List<Enclosure> enclosures,
		String requestedAction, boolean highestDestination, boolean confidential, List<String> scripts, String subject,
		Map<String, Span> evidence) {

	/**
	 * A document transmitted with the note.
	 *
	 * @param title what it is
	 * @param author who wrote it
	 * @param addressee whom it is addressed to
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Enclosure(String title, String author, String addressee) {
	}

	/**
	 * A quoted span of the note's text (UTF-16 offsets, end exclusive).
	 *
	 * @param start first offset
	 * @param end offset after the last
	 * @param text the quoted text
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Span(int start, int end, String text) {
	}

}
