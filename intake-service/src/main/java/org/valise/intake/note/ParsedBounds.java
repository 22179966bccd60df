package org.valise.intake.note;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.valise.intake.parsing.Enclosure;
import org.valise.intake.parsing.ParsedNote;
import org.valise.intake.parsing.Span;

/**
 * Bounds what the parser read before it goes into an event, so that no field of {@code NoteReceived} — nor of the
 * records routing and notification build from it — grows with the note: each field to what a client may give for it
 * ({@link NoteSubmission}'s sizes), each piece of evidence to {@value #MAX_EVIDENCE} characters (its span shortened
 * with it), at most {@value #MAX_ENCLOSURES} enclosures of {@value #MAX_ENCLOSURE_FIELD} characters a field. Cuts
 * never split a surrogate pair. What a client gave is never cut (it is validated as it comes). Pure.
 */
final class ParsedBounds {

	static final int MAX_EVIDENCE = 2000;

	static final int MAX_ENCLOSURES = 25;

	static final int MAX_ENCLOSURE_FIELD = 500;

	private ParsedBounds() {
	}

	/** The same reading, each field within its bound. */
	static ParsedNote of(ParsedNote read) {
		return new ParsedNote(read.docType(), cut(read.language(), 8), cut(read.reference(), 200),
				cut(read.inReplyTo(), 500), read.date(), cut(read.place(), 200), cut(read.sender(), 500),
				cut(read.recipient(), 500), cut(read.recipientHead(), 200), enclosures(read.enclosures()),
				cut(read.requestedAction(), 2000), read.highestDestination(), read.confidential(), read.scripts(),
				cut(read.subject(), 500), evidence(read.evidence()), read.confidence());
	}

	private static List<Enclosure> enclosures(List<Enclosure> enclosures) {
		return enclosures.stream()
			.limit(MAX_ENCLOSURES)
			.map((enclosure) -> new Enclosure(cut(enclosure.title(), MAX_ENCLOSURE_FIELD),
					cut(enclosure.author(), MAX_ENCLOSURE_FIELD), cut(enclosure.addressee(), MAX_ENCLOSURE_FIELD)))
			.toList();
	}

	private static Map<String, Span> evidence(Map<String, Span> evidence) {
		Map<String, Span> bounded = new HashMap<>();
		evidence.forEach((field, span) -> {
			String text = cut(span.text(), MAX_EVIDENCE);
			bounded.put(field, (text == span.text()) ? span : new Span(span.start(), span.start() + text.length(), text));
		});
		return bounded;
	}

	/** The text, or its first {@code max} characters (one fewer rather than half a surrogate pair). */
	static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, end);
	}

}
