package org.valise.intake.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the raw text of a note verbale, a letter or anything else a registry receives and extracts, deterministically
 * and without shared state, what a registry officer would note down, each field with the span of the input it came
 * from and how sure the parser is of it. A pipeline: clean the text ({@link TextCleaner}: stamps, page furniture,
 * hyphenation), repair OCR damage ({@link OcrRepair}), lay it out in lines, cells and paragraphs ({@link Layout}),
 * segment it ({@link Segments}), then read each field from the segment where correspondence puts it (reference and
 * replies: {@link ReferenceExtractor}; date and place: the dateline or title line; parties: {@link PartyExtractor};
 * enclosures: {@link EnclosureExtractor}; request: {@link RequestExtractor}; language: {@link LanguageDetector}) and
 * weigh each ({@link Confidence}). See {@code intake-service/PARSER.md}.
 */
public final class NoteParser {

	public NoteParser() {
	}

	/**
	 * Parses one document.
	 * @param text the raw text as received (any script, possibly damaged by OCR or marked up in Markdown)
	 * @return what was understood of it
	 * @throws IllegalArgumentException if the text is null or blank
	 */
	public ParsedNote parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Cannot parse a note: the text is " + (text == null ? "null" : "blank"));
		}
		Layout layout = new Layout(OcrRepair.repair(TextCleaner.clean(text)));
		Segments a = new Segments(layout);
		Map<String, Span> evidence = new LinkedHashMap<>();
		List<String> scripts = ScriptDetector.scripts(text);
		LanguageDetector.Detected detected = language(a, evidence);
		String language = detected == null ? null : detected.language();
		Map<String, Double> sure = new LinkedHashMap<>();
		sure.put("docType", Confidence.docType(a));
		sure.put("language", detected == null ? 0.3 : detected.confidence());
		if (a.type == DocType.OTHER) {
			put(evidence, "docType", null);
			Confidence.other(sure);
			return new ParsedNote(DocType.OTHER, language, null, null, null, null, null, null, null, List.of(), null,
					false, false, scripts, null, evidence, sure);
		}
		ReferenceExtractor.Found reference = ReferenceExtractor.reference(layout, a.headerEnd, a.trailerFrom,
				a.title != null);
		ReferenceExtractor.Found inReplyTo = ReferenceExtractor.inReplyTo(a.body, layout, a.headerEnd);
		LocalDate date = a.dateline == null ? null : a.dateline.date();
		String place = null;
		if (a.dateline != null) {
			Layout.Cell cell = a.datelineCell;
			put(evidence, "date", layout.clean().span(cell.start() + a.dateline.dateStart(), cell.start() + a.dateline.dateEnd()));
			if (a.dateline.hasPlace()) {
				place = a.placeText != null ? a.placeText
						: cell.text().substring(a.dateline.placeStart(), a.dateline.placeEnd());
				put(evidence, "place",
						layout.clean().span(cell.start() + a.dateline.placeStart(), cell.start() + a.dateline.placeEnd()));
			}
		}
		if (place == null && a.type == DocType.LETTER) {
			place = a.letterheadCity();
		}
		PartyExtractor.Found sender;
		PartyExtractor.Found recipient;
		if (a.type == DocType.NOTE_VERBALE) {
			put(evidence, "docType", a.opening.flow().span(a.complimentsStart, a.complimentsEnd));
			sender = PartyExtractor.sender(a);
			recipient = PartyExtractor.recipient(a);
		}
		else {
			Layout.Line salutation = layout.lines().get(a.salutationLine);
			put(evidence, "docType", layout.clean().span(salutation.start(), salutation.end()));
			sender = PartyExtractor.signatory(a);
			recipient = a.title != null ? PartyExtractor.circulatedAddressee(a) : PartyExtractor.insideAddress(a);
		}
		String senderValue = sender == null ? null : sender.value();
		String recipientValue = recipient == null ? null : recipient.value();
		List<EnclosureExtractor.Found> found = EnclosureExtractor.extract(a, language, senderValue, recipientValue);
		List<Enclosure> enclosures = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			enclosures.add(found.get(i).enclosure());
			put(evidence, "enclosures[" + i + "]", found.get(i).span());
		}
		String head = head(a, recipientValue, found, evidence);
		boolean highest = flag(a, Formulas.HIGHEST_DESTINATION, "highestDestination", evidence)
				|| toTheHead(a, evidence);
		boolean confidential = confidential(a, evidence);
		RequestExtractor.Found request = RequestExtractor.extract(a, language, found, head);
		put(evidence, "reference", reference == null ? null : reference.span());
		put(evidence, "inReplyTo", inReplyTo == null ? null : inReplyTo.span());
		put(evidence, "sender", sender == null ? null : sender.span());
		put(evidence, "recipient", recipient == null ? null : recipient.span());
		put(evidence, "requestedAction", request == null ? null : request.span());
		sure.put("reference", reference == null ? 0.7 : reference.confidence());
		sure.put("inReplyTo", inReplyTo == null ? 0.8 : 0.85);
		sure.put("date", Confidence.date(a));
		sure.put("place", place == null ? 0.6 : (a.dateline != null && a.dateline.hasPlace() ? 0.9 : 0.6));
		sure.put("sender", Confidence.party(senderValue, a.type == DocType.NOTE_VERBALE));
		sure.put("recipient", Confidence.party(recipientValue, a.type == DocType.NOTE_VERBALE));
		sure.put("recipientHead", Confidence.head(a, head, recipientValue));
		sure.put("enclosures", Confidence.enclosures(a, found));
		sure.put("requestedAction", request == null ? 0.4 : ("en".equals(language) ? 0.7 : 0.5));
		sure.put("highestDestination", Confidence.highestDestination(a, highest));
		sure.put("confidential", Confidence.confidential(a, confidential));
		String subject = enclosures.isEmpty() ? null : enclosures.get(0).title();
		if (subject != null) {
			put(evidence, "subject", found.get(0).span());
		}
		return new ParsedNote(a.type, language, reference == null ? null : reference.value(),
				inReplyTo == null ? null : inReplyTo.value(), date, place, senderValue, recipientValue, head, enclosures,
				request == null ? null : request.value(), highest, confidential, scripts, subject, evidence, sure);
	}

	private static LanguageDetector.Detected language(Segments a, Map<String, Span> evidence) {
		StringBuilder body = new StringBuilder();
		for (Layout.Paragraph p : a.body) {
			body.append(p.folded()).append('\n');
		}
		LanguageDetector.Detected language = LanguageDetector.detectWithConfidence(body.toString());
		if (language != null && !a.body.isEmpty()) {
			put(evidence, "language", a.body.get(0).flow().span(0, a.body.get(0).text().length()));
			return language;
		}
		return LanguageDetector.detectWithConfidence(TextFold.fold(a.layout.clean().text()));
	}

	private static String head(Segments a, String recipient, List<EnclosureExtractor.Found> found,
			Map<String, Span> evidence) {
		List<String> candidates = new ArrayList<>();
		candidates.add(recipient);
		for (EnclosureExtractor.Found f : found) {
			candidates.add(f.enclosure().addressee());
		}
		if (a.addressBlock != null) {
			candidates.add(a.addressBlock.text());
		}
		for (String candidate : candidates) {
			int[] at = candidate == null ? null : Names.head(TextFold.fold(candidate));
			if (at != null) {
				String title = candidate.substring(at[0], at[1]);
				for (Layout.Paragraph p : a.layout.paragraphs()) {
					int i = p.text().indexOf(title);
					if (i >= 0) {
						put(evidence, "recipientHead", p.flow().span(i, i + title.length()));
						break;
					}
				}
				return title;
			}
		}
		return null;
	}

	private static boolean flag(Segments a, java.util.regex.Pattern pattern, String field, Map<String, Span> evidence) {
		for (Layout.Paragraph p : a.body) {
			java.util.regex.Matcher m = Formulas.find(pattern, p.folded());
			if (m != null) {
				put(evidence, field, p.flow().span(m.start(), m.end()));
				return true;
			}
		}
		return false;
	}

	/**
	 * A request to pass the note or its enclosure on to the head by title ("would be grateful if the Organization
	 * could transmit the said letter to the Director General", "transmettre ladite lettre à Monsieur le Directeur
	 * général"): asking in words for the highest destination.
	 */
	private static boolean toTheHead(Segments a, Map<String, Span> evidence) {
		for (Layout.Paragraph p : a.body) {
			String f = p.folded();
			if (Formulas.find(Formulas.REQUEST, f) == null) {
				continue;
			}
			java.util.regex.Matcher m = Formulas.PASS_ON_TO.matcher(f);
			while (m.find()) {
				int[] head = Names.head(f.substring(m.end(), Math.min(f.length(), m.end() + 40)));
				if (head != null && head[0] == 0) {
					put(evidence, "highestDestination", p.flow().span(m.start(), m.end() + head[1]));
					return true;
				}
			}
		}
		return false;
	}

	private static boolean confidential(Segments a, Map<String, Span> evidence) {
		for (Layout.Line line : a.layout.lines()) {
			if (line.index() < a.headerEnd && Formulas.CONFIDENTIAL_LINE.matcher(line.folded().strip()).matches()) {
				put(evidence, "confidential", a.layout.clean().span(line.start(), line.end()));
				return true;
			}
		}
		return flag(a, Formulas.CONFIDENTIAL_PHRASE, "confidential", evidence);
	}

	private static void put(Map<String, Span> evidence, String field, Span span) {
		if (span != null) {
			evidence.put(field, span);
		}
	}

}
