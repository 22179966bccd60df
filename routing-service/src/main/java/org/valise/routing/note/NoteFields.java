package org.valise.routing.note;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What intake understood of a note ({@code note-fields.v1.schema.json}); carried through unchanged into
 * {@code NoteRouted}. Absent lists and maps read as empty.
 *
 * @param docType {@code note_verbale}, {@code letter} or {@code other}
 * @param language ISO 639-1 code of the body text
 * @param reference the sender's own number
 * @param inReplyTo the earlier note(s) it answers, reference first
 * @param date the date of the document
 * @param place the place of dispatch
 * @param sender the sending entity
 * @param recipient whom it is addressed to
 * @param recipientHead the head of the organisation when it is meant for the head
 * @param enclosures the enclosed documents
 * @param requestedAction what the sender asks for
 * @param highestDestination whether it asks in words to reach the head of the organisation
 * @param confidential whether the sender asks for confidentiality
 * @param scripts writing systems present
 * @param subject its subject, or {@code null}
 * @param evidence for each field name, the span of text it came from
 * @param confidence for each field name, how sure intake is of it (0 to 1); a field without one counts as sure
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteFields(String docType, String language, String reference, String inReplyTo, LocalDate date,
		String place, String sender, String recipient, String recipientHead, List<Enclosure> enclosures,
		String requestedAction, boolean highestDestination, boolean confidential, List<String> scripts, String subject,
		Map<String, EvidenceSpan> evidence, Map<String, Double> confidence) {

	@JsonCreator
	public NoteFields {
		enclosures = enclosures == null ? List.of() : enclosures.stream().filter(Objects::nonNull).toList();
		scripts = scripts == null ? List.of() : scripts.stream().filter(Objects::nonNull).toList();
		evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
		confidence = confidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(confidence));
	}

	/** The fields of a note read without confidences (every field counts as sure). */
	public NoteFields(String docType, String language, String reference, String inReplyTo, LocalDate date,
			String place, String sender, String recipient, String recipientHead, List<Enclosure> enclosures,
			String requestedAction, boolean highestDestination, boolean confidential, List<String> scripts,
			String subject, Map<String, EvidenceSpan> evidence) {
		this(docType, language, reference, inReplyTo, date, place, sender, recipient, recipientHead, enclosures,
				requestedAction, highestDestination, confidential, scripts, subject, evidence, null);
	}

	/** Whether the document is not correspondence at all (spam, junk). */
	public boolean isNotCorrespondence() {
		return "other".equals(this.docType);
	}

	/** Whether it is a first-person letter (its sender is the signatory). */
	public boolean isLetter() {
		return "letter".equals(this.docType);
	}

}
