package org.valise.intake.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sender's own reference in the header of a document ("No: 2021/01/105", "Nota N° 089/2021"), without its
 * label, and the earlier notes the document answers or follows up ("further to its note No. ... dated ...").
 */
final class ReferenceExtractor {

	/** A value and where it came from. */
	record Found(String value, Span span, double confidence) {

		Found(String value, Span span) {
			this(value, span, 0.9);
		}

		Found sure(double confidence) {
			return new Found(this.value, this.span, confidence);
		}

	}

	private static final Pattern YOUR_LABEL = Pattern.compile("(?:your|votre|vuestra|su|v/|s/)\\s*(?:ref(?:erence|erencia)?"
			+ "|note|nota)\\.?\\s*(?:no\\.?|n\\s?[\u00b0\u00ba])?\\s*:?\\s*");

	private static final Pattern OWN_LABEL = Formulas.folded("(?:(?:note\\s+verbale|nota\\s+verbale?|verbalnote|note|nota"
			+ "|our\\s+ref(?:erence)?|notre\\s+ref(?:erence)?|nuestra\\s+ref(?:erencia)?|n/\\s*ref|ref(?:erence|erencia)?"
			+ "|no|nr|n0|n\\.?\\s?[°º]|n\\.(?=\\s*\\d)|num(?:ero)?|№|رقم|الرقم|dnr|gz|az|prot(?:ocollo)?|proc)(?![a-z0-9])\\s*\\.?\\s*:?\\s*)+");

	/** File numbers ("Gz.", "Az.", "Proc.", "Prot.", "Dnr"): the sender's reference only when no note number is given. */
	private static final Pattern FILE_LABEL = Pattern.compile("(?:dnr|gz|az|prot(?:ocollo)?|proc)(?![a-z0-9]).*");

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9().\\-]*(?:/[A-Z0-9().\\-]+){2,}"
			+ "|[A-Z]{2,}[A-Z0-9\\-]*-\\d[A-Z0-9\\-]*/\\d{2,4}"
			+ "|[A-Z][A-Z.\\-]*(?:\\s+[A-Z0-9.\\-]+)*\\s+N[\u00b0\u00ba]\\s*[\\w./\\-]*\\d[\\w./\\-]*"
			+ "|[(\uff08]\\d{4}[)\uff09]\\p{IsHan}{1,4}第\\d+号");

	/** A document symbol of a circulated document ("A/81/67", "A/HRC/37/G/5"): the organ's, not the sender's. */
	private static final Pattern SYMBOL = Pattern.compile("(?:A|S|E|CCPR|CRC|CERD|CAT|A/HRC|E/CN\\.\\d+|[A-Z]{2,8})(?:/[A-Z0-9.]+){2,}");

	private static final Pattern TRIGGER = Formulas.folded("\\b(?:further to|with reference to|in reply to|in response to"
			+ "|referring to|with regard to|following|pursuant to|in connection with|as stated in|as indicated in"
			+ "|as mentioned in|as set out in|comme suite a|suite a|en reponse a|se referant a|faisant suite a|en reference a"
			+ "|comme indique dans|en relacion con|en respuesta a|con referencia a|en atencion a|haciendo referencia a"
			+ "|con relacion a|me refiero a|en seguimiento a|refiriendose a|asi como a|em referencia a|com referencia a"
			+ "|em resposta a|em aditamento a|in riferimento a(?:l|lla|llo|i|gli|lle)?|con riferimento a(?:l|lla|llo|i|gli|lle)?"
			+ "|facendo seguito a(?:l|lla|llo)?|in risposta a(?:l|lla|llo)?"
			+ "|unter bezugnahme auf|in beantwortung|bezugnehmend auf|ссылаясь на|в ответ на|в связи с|со ссылкой на)\\b"
			+ "|بالإشارة إلى|بالاشارة الى|إشارة إلى|ردا على|就");

	private static final String REF = "\\w[\\w./()\\-]*\\d[\\w./()\\-]*";

	private static final Pattern CITED = Formulas.folded("(?:(the organi[sz]ation's|iom's|your|its|their|our|sa|son|ses"
			+ "|votre|vos|su|sus|nuestra|esa|la|l'|the|une|una|a|dessen|deren|seine|ihre|sua|della|da|do|del|ее|его|её)\\s+)?"
			+ "((?:note|nota)s?\\s+verbal(?:e)?s?|verbalnote|notes?|notas?|lettre|letter|carta|communication|comunicacion"
			+ "|comunicacao|comunicazione|courrier|message|mensaje|circular letter|lettre circulaire|нот[аыу]|письм[оа]"
			+ "|مذكرة|رسالة|通函|照会|来函)"
			+ "(?:\\s+(?:de l'organisation|de la organizacion|of the organi[sz]ation|dell'organizzazione|da organizacao"
			+ "|der organisation|المنظمة|الأمانة))?"
			+ "(?:\\s*,?\\s*(?:no\\.?|n\\.?\\s?[°º]|nr\\.?|ref\\.?|number|numero|num\\.?|№|رقم)\\s*((?:[a-z]{2,3}\\s){1,2}\\d{1,3}/\\d{4}|"
			+ REF + ")"
			+ "|\\s+((?:[a-z]{2,3}\\s){1,2}\\d{1,3}/\\d{4}|[\\w.()\\-]*\\d[\\w.()\\-]*(?:/[\\w.()\\-]+)+"
			+ "|[\\w.()\\-]+(?:/[\\w.()\\-]+)*/[\\w.()\\-]*\\d[\\w.()\\-]*))?");

	/** Chinese: "就秘书处2012年3月5日第C.L.14.2012号通函" (the reference between 第 and 号). */
	private static final Pattern CHINESE_CITED = Pattern.compile("第([^第号，。]{1,30})号(通函|照会|来函|函)");

	private static final Pattern DATE_INTRO = Formulas.folded("\\s*,?\\s*(?:dated|of|du|en date du|de fecha|del|de|from|vom"
			+ "|от|المؤرخة في|المؤرخ في|المؤرخة|بتاريخ)\\s+");

	private ReferenceExtractor() {
	}

	/**
	 * The sender's reference: the first number labelled as the note's in the header (a file number such as "Gz."
	 * or "Dnr" only when there is none), else a bare code standing on its own (not a circulated document's symbol),
	 * else a labelled number after the text (some chanceries put it at the foot).
	 */
	static Found reference(Layout layout, int headerEnd, int trailerFrom, boolean circulated) {
		Found code = null;
		Found file = null;
		for (int i = 0; i < Math.min(headerEnd, layout.lines().size()); i++) {
			for (Layout.Cell cell : layout.cells(layout.lines().get(i))) {
				if (YOUR_LABEL.matcher(cell.folded()).lookingAt()) {
					continue;
				}
				Matcher label = OWN_LABEL.matcher(cell.folded());
				if (label.lookingAt() && label.end() < cell.text().length() && isReference(cell, label.end())) {
					Found f = found(layout, cell.start() + label.end(), cell.end());
					if (!FILE_LABEL.matcher(cell.folded()).matches()) {
						return f;
					}
					file = file == null ? f : file;
				}
				else if (code == null && CODE.matcher(cell.text()).matches() && isReference(cell, 0)
						&& !(circulated && SYMBOL.matcher(cell.text()).matches())) {
					code = found(layout, cell.start(), cell.end());
				}
			}
		}
		if (file != null || code != null) {
			return file != null ? file.sure(0.75) : code.sure(0.65);
		}
		for (int i = Math.max(0, trailerFrom); i < layout.lines().size(); i++) {
			for (Layout.Cell cell : layout.cells(layout.lines().get(i))) {
				Matcher label = OWN_LABEL.matcher(cell.folded());
				if (label.lookingAt() && label.end() > 0 && label.end() < cell.text().length() && isReference(cell, label.end())
						&& !Segments.ENCL.matcher(cell.folded()).matches()) {
					return found(layout, cell.start() + label.end(), cell.end()).sure(0.6);
				}
			}
		}
		return null;
	}

	/** The notes cited as answered or followed up, reference first, or {@code null}. */
	static Found inReplyTo(List<Layout.Paragraph> body, Layout layout, int headerEnd) {
		List<String> items = new ArrayList<>();
		Span first = null;
		Span last = null;
		for (int i = 0; i < Math.min(headerEnd, layout.lines().size()); i++) {
			for (Layout.Cell cell : layout.cells(layout.lines().get(i))) {
				Matcher your = YOUR_LABEL.matcher(cell.folded());
				if (your.lookingAt() && isReference(cell, your.end())) {
					Found f = found(layout, cell.start() + your.end(), cell.end());
					items.add(f.value());
					first = first == null ? f.span() : first;
					last = f.span();
				}
			}
		}
		for (Layout.Paragraph p : body) {
			Matcher trigger = TRIGGER.matcher(p.folded());
			int searched = 0;
			while (trigger.find()) {
				if (trigger.start() < searched) {
					continue;
				}
				int limit = Math.min(p.folded().length(), trigger.end() + 240);
				if (p.folded().startsWith("就", trigger.start())) {
					Matcher chinese = CHINESE_CITED.matcher(p.text()).region(trigger.end(), limit);
					if (chinese.find()) {
						String ref = p.text().substring(chinese.start(1), chinese.end(1));
						List<DateExtractor.Found> dates = DateExtractor.findAll(p.folded().substring(trigger.end(), chinese.start()));
						items.add(ref + " (" + chinese.group(2) + (dates.isEmpty() ? "" : " of " + DateExtractor.format(
								dates.get(0).date(), "en")) + ")");
						Span span = p.flow().span(trigger.start(), chinese.end());
						first = first == null ? span : first;
						last = span;
					}
					continue;
				}
				Matcher cited = CITED.matcher(p.folded()).region(trigger.end(), limit);
				cited.useTransparentBounds(true);
				int from = trigger.end();
				boolean any = false;
				while (cited.find() && cited.start() <= from + 60) {
					int g = cited.group(3) != null ? 3 : 4;
					String ref = cited.group(g) == null ? null : strip(p.text().substring(cited.start(g), cited.end(g)));
					int end = ref == null ? cited.end() : cited.start(g) + ref.length();
					LocalDate date = null;
					Matcher intro = DATE_INTRO.matcher(p.folded()).region(end, p.folded().length());
					if (intro.lookingAt()) {
						for (DateExtractor.Found d : DateExtractor.findAll(p.folded().substring(intro.end(), limit))) {
							if (d.start() == 0) {
								date = d.date();
								end = intro.end() + d.end();
							}
							break;
						}
					}
					from = Math.max(end, cited.end());
					if (ref == null && date == null) {
						if (any) {
							break;
						}
						continue;
					}
					any = true;
					String owner = cited.group(1) == null ? "" : p.text().substring(cited.start(1), cited.end(1)) + " ";
					String kind = p.text().substring(cited.start(2), cited.end(2));
					String what = Glossary.translate(owner + kind, language(p.folded())) + (date == null ? ""
							: " of " + DateExtractor.format(date, "en"));
					items.add(ref == null ? what : asciiDigits(ref) + " (" + what + ")");
					Span span = p.flow().span(trigger.start(), end);
					first = first == null ? span : first;
					last = span;
					searched = end;
					cited.region(from, limit);
				}
			}
		}
		items = dedupe(items);
		if (items.isEmpty()) {
			return null;
		}
		int start = Math.min(first.start(), last.start());
		int end = Math.max(first.end(), last.end());
		return new Found(String.join("; ", items), new Span(start, end, layout.clean().source().substring(start, end)));
	}

	/** One item per reference: a "Your ref." line and the body citing the same note are one note. */
	private static List<String> dedupe(List<String> items) {
		List<String> out = new ArrayList<>();
		for (String item : items) {
			String ref = item.split(" \\(")[0];
			int same = -1;
			for (int i = 0; i < out.size(); i++) {
				if (out.get(i).split(" \\(")[0].equals(ref)) {
					same = i;
				}
			}
			if (same < 0) {
				out.add(item);
			}
			else if (item.length() > out.get(same).length()) {
				out.set(same, item);
			}
		}
		return out;
	}

	private static String language(String folded) {
		String language = LanguageDetector.detect(folded);
		return language == null ? "en" : language;
	}

	private static boolean isReference(Layout.Cell cell, int from) {
		String value = cell.text().substring(from).strip();
		return value.length() <= 60 && value.chars().anyMatch(Character::isDigit) && !value.matches(".*\\p{Ll}{3,}\\s+\\p{Ll}{3,}.*")
				&& DateExtractor.dateline(value, TextFold.fold(value)) == null;
	}

	private static Found found(Layout layout, int start, int end) {
		Span span = layout.clean().span(start, end);
		return new Found(ocr(asciiDigits(strip(span.text().replace("*", "").replaceAll("\\s+", " ")))), span);
	}

	/** Digits of any numeral system written as ASCII digits ("٤١٢" is "412"). */
	static String asciiDigits(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			out.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
		}
		return out.toString();
	}

	/** An "l" read by OCR between capitals of a code ("GPM/lOM") is an "I". */
	private static String ocr(String value) {
		return value.replaceAll("(?<=[A-Z/\\-]|^)l(?=[A-Z])", "I");
	}

	private static String strip(String value) {
		return value.strip().replaceAll("[.,;:]+$", "");
	}

}
