package org.valise.intake.parsing;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How sure the parser is of each field, from what it found the field in: a field read from the place the
 * correspondence puts it (the opening formula, a dateline after the closing, a labelled reference) is sure; one read
 * from a weaker cue (a letterhead, a bare code, a date elsewhere), or a field left empty although the text hints at
 * it (a head's title in a request, an enclosure word with no enclosure read), is unsure. 0 is a guess, 1 is certain.
 */
final class Confidence {

	private static final Pattern ENCLOSURE_WORDS = Formulas.folded("\\b(?:enclos|attach|annex|herewith|ci-joint|sous ce pli"
			+ "|(?<!geral |general |secretario |secretaria )adjunt(?!\\p{L}*\\s+(?:de|do|da|para)\\b)|anex|junta-se|allegat"
			+ "|anlage|beigefugt|прилага|приложени)|مرفق|附件|随照会");

	private static final Pattern CONFIDENTIAL_WORDS = Formulas.folded("\\b(?:confiden|reserv|riservat|vertraulich|конфиденц"
			+ "|in confidence)|سري|机密");

	private Confidence() {
	}

	static double docType(Segments a) {
		return switch (a.type) {
			case NOTE_VERBALE -> a.body.size() > 1 && Formulas.find(Formulas.CLOSING,
					a.body.get(a.body.size() - 1).folded()) != null ? 0.95 : 0.8;
			case LETTER -> a.closeLine >= 0 ? 0.9 : 0.75;
			case OTHER -> Formulas.junkScore(TextFold.fold(a.layout.clean().text())) >= 3 ? 0.9 : 0.5;
		};
	}

	/** A document that is not correspondence has nothing to read: each field is as sure as its type. */
	static void other(Map<String, Double> sure) {
		double type = sure.get("docType");
		for (String field : List.of("reference", "inReplyTo", "date", "place", "sender", "recipient", "recipientHead",
				"enclosures", "requestedAction", "highestDestination", "confidential")) {
			sure.put(field, type);
		}
	}

	static double date(Segments a) {
		if (a.dateline == null) {
			return 0.3;
		}
		if (a.title != null || a.dateline.hasPlace()) {
			return 0.95;
		}
		return 0.8;
	}

	/** A party named in the opening formula of a note is sure; a letter's signatory or inside address less so. */
	static double party(String value, boolean fromFormula) {
		if (value == null) {
			return 0.2;
		}
		double sure = fromFormula ? 0.9 : 0.7;
		return value.length() > 250 || value.chars().filter(Character::isDigit).count() > 4 ? sure - 0.3 : sure;
	}

	static double head(Segments a, String head, String recipient) {
		if (head != null) {
			return recipient != null && TextFold.fold(recipient).contains(TextFold.fold(head)) ? 0.9 : 0.8;
		}
		for (Layout.Paragraph p : a.body) {
			if (Names.head(p.folded()) != null) {
				return 0.6;
			}
		}
		return 0.85;
	}

	static double enclosures(Segments a, List<EnclosureExtractor.Found> found) {
		if (!found.isEmpty()) {
			return found.stream().allMatch((f) -> f.span() != null) ? 0.8 : 0.6;
		}
		for (Layout.Paragraph p : a.body) {
			if (ENCLOSURE_WORDS.matcher(p.folded()).find()) {
				return 0.45;
			}
		}
		return a.enclosureLines.isEmpty() ? 0.85 : 0.5;
	}

	static double highestDestination(Segments a, boolean highest) {
		if (highest) {
			return 0.95;
		}
		for (Layout.Paragraph p : a.body) {
			if (Names.head(p.folded()) != null) {
				return 0.7;
			}
		}
		return 0.9;
	}

	static double confidential(Segments a, boolean confidential) {
		if (confidential) {
			return 0.95;
		}
		for (Layout.Paragraph p : a.body) {
			if (CONFIDENTIAL_WORDS.matcher(p.folded()).find()) {
				return 0.6;
			}
		}
		return 0.95;
	}

}
