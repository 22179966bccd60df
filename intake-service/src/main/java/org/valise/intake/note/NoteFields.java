package org.valise.intake.note;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.valise.intake.parsing.DocType;
import org.valise.intake.parsing.Enclosure;
import org.valise.intake.parsing.ParsedNote;
import org.valise.intake.parsing.Span;

/**
 * The fields of a note as published in {@code NoteReceived} ({@code contracts/schemas/note-fields.v1.schema.json}),
 * with, for each field, how sure intake is of it ({@code confidence}: 1 for a field the client gave, the parser's
 * confidence for a field read from the text).
 */
public record NoteFields(DocType docType, String language, String reference, String inReplyTo, LocalDate date,
		String place, String sender, String recipient, String recipientHead, List<Enclosure> enclosures,
		String requestedAction, boolean highestDestination, boolean confidential, List<String> scripts,
		String subject, Map<String, Span> evidence, Map<String, Double> confidence) {

	public NoteFields {
		enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
		scripts = scripts == null ? List.of() : List.copyOf(scripts);
		evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
		confidence = confidence == null ? Map.of() : new TreeMap<>(confidence);
	}

	static NoteFields of(ParsedNote parsed) {
		return new NoteFields(parsed.docType(), parsed.language(), parsed.reference(), parsed.inReplyTo(),
				parsed.date(), parsed.place(), parsed.sender(), parsed.recipient(), parsed.recipientHead(),
				parsed.enclosures(), parsed.requestedAction(), parsed.highestDestination(), parsed.confidential(),
				parsed.scripts(), parsed.subject(), parsed.evidence(), parsed.confidence());
	}

}
