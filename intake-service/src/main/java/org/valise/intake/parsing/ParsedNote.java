package org.valise.intake.parsing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the parser understood of one note: the fields a registry officer would note down, each
 * explained by the span of text it came from (in {@link #evidence()}, keyed by field name).
 *
 * @param docType the kind of document
 * @param language ISO 639-1 code of the body text ({@code en}, {@code fr}, {@code es}, {@code ru}...), or {@code null}
 * @param reference the sender's own number for this document, without its label, or {@code null}
 * @param inReplyTo the earlier note(s) it answers or follows up, reference first, or {@code null}
 * @param date the date of the document itself, or {@code null}
 * @param place the place of dispatch as written, or {@code null}
 * @param sender the sending entity as written, or {@code null}
 * @param recipient whom the document is addressed to, or {@code null}
 * @param recipientHead the head addressed (e.g. Director General) when meant for the head, or {@code null}
 * @param enclosures the enclosed documents, never {@code null}
 * @param requestedAction what the sender asks, summarised, or {@code null}
 * @param highestDestination whether the text asks in words to reach the head of the organisation
 * @param confidential whether the sender marks it confidential
 * @param scripts the writing systems present (e.g. Latin, Khmer), never {@code null}
 * @param subject a short subject line, or {@code null}
 * @param evidence for each extracted field name, the span of the input it came from
 * @param confidence for each field name, how sure the parser is of what it read there (absent included), 0 to 1
 */
public record ParsedNote(DocType docType, String language, String reference, String inReplyTo, LocalDate date,
		String place, String sender, String recipient, String recipientHead, List<Enclosure> enclosures,
		String requestedAction, boolean highestDestination, boolean confidential, List<String> scripts,
		String subject, Map<String, Span> evidence, Map<String, Double> confidence) {

	public ParsedNote {
		enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
		scripts = scripts == null ? List.of() : List.copyOf(scripts);
		evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
		confidence = confidence == null ? Map.of() : Map.copyOf(confidence);
	}

	/** A note read without confidences (every field as sure as its reader says). */
	public ParsedNote(DocType docType, String language, String reference, String inReplyTo, LocalDate date,
			String place, String sender, String recipient, String recipientHead, List<Enclosure> enclosures,
			String requestedAction, boolean highestDestination, boolean confidential, List<String> scripts,
			String subject, Map<String, Span> evidence) {
		this(docType, language, reference, inReplyTo, date, place, sender, recipient, recipientHead, enclosures,
				requestedAction, highestDestination, confidential, scripts, subject, evidence, null);
	}

}
