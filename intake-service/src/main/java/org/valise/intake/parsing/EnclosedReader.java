package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document enclosed after a note (typically the letter it transmits): its dateline, the city of its
 * letterhead when the dateline has none, its body, and the gist of its first sentence.
 */
final class EnclosedReader {

	private static final Pattern GIST_PREFIX = Pattern.compile("(?:i am (?:pleased|honou?red|happy|delighted|writing) to "
			+ "(?:inform|advise|confirm to|let) (?:your excellency|you)(?: know)?(?: that)?|i have the hono(?:u)?r to "
			+ "(?:inform|advise) (?:your excellency|you)(?: that)?|j'ai l'honneur de (?:vous informer|porter a votre "
			+ "connaissance|vous faire savoir)(?: que)?|tengo el (?:honor|agrado) de (?:informarle|comunicarle)(?: que)?"
			+ "|me complace (?:informarle|comunicarle)(?: que)?)\\s*");

	private static final Pattern CITY = Pattern.compile("\\p{Lu}[\\p{L}\\-]+(?: \\p{Lu}[\\p{L}\\-]+)?");

	private static final int GIST_WORDS = 12;

	private EnclosedReader() {
	}

	static EnclosureExtractor.Enclosed read(Segments a) {
		if (a.enclosedStart < 0) {
			return null;
		}
		List<Layout.Line> lines = a.layout.lines();
		DateExtractor.Dateline dateline = null;
		String place = null;
		int at = a.enclosedStart;
		for (; at < lines.size() && dateline == null; at++) {
			for (Layout.Cell cell : a.layout.cells(lines.get(at))) {
				dateline = DateExtractor.dateline(cell.text(), cell.folded());
				if (dateline != null) {
					place = dateline.hasPlace() ? cell.text().substring(dateline.placeStart(), dateline.placeEnd())
							: cityAbove(lines, a.enclosedStart, at);
					break;
				}
			}
		}
		int salutation = -1;
		for (int i = dateline == null ? a.enclosedStart : at; i < lines.size() && salutation < 0; i++) {
			String t = lines.get(i).folded().strip();
			if (t.length() <= 80 && Formulas.SALUTATION.matcher(t).matches()) {
				salutation = i;
			}
		}
		List<Layout.Paragraph> body = new ArrayList<>();
		for (Layout.Paragraph p : a.layout.paragraphs()) {
			if (salutation >= 0 && p.firstLine() > salutation) {
				if (Formulas.COMPLIMENTARY_CLOSE.matcher(p.folded()).matches()) {
					break;
				}
				body.add(p);
			}
		}
		return new EnclosureExtractor.Enclosed(dateline == null ? null : dateline.date(), place, body);
	}

	/** The gist of the first sentence of the enclosed document, at most a dozen words. */
	static String gist(EnclosureExtractor.Enclosed enclosed) {
		if (enclosed.body().isEmpty()) {
			return null;
		}
		Layout.Paragraph p = enclosed.body().get(0);
		List<int[]> sentences = Sentences.split(p.text());
		if (sentences.isEmpty()) {
			return null;
		}
		int[] s = sentences.get(0);
		Matcher prefix = GIST_PREFIX.matcher(p.folded()).region(s[0], s[1]);
		int from = prefix.lookingAt() ? prefix.end() : s[0];
		String[] words = p.text().substring(from, s[1]).split(" ");
		int n = Math.min(words.length, GIST_WORDS);
		for (int k = 0; k < n; k++) {
			if (words[k].endsWith(",") || words[k].endsWith(";")) {
				n = k + 1;
				break;
			}
		}
		while (n > 1 && Lexicon.isStopword(TextFold.fold(words[n - 1]).replaceAll("\\W", ""))) {
			n--;
		}
		return String.join(" ", java.util.Arrays.copyOf(words, n)).replaceAll("[,;:]$", "");
	}

	private static String cityAbove(List<Layout.Line> lines, int from, int dateline) {
		for (int i = dateline - 1; i >= from; i--) {
			String t = lines.get(i).text().strip();
			if (!t.isEmpty()) {
				return CITY.matcher(t).matches() ? Names.titleCase(t) : null;
			}
		}
		return null;
	}

}
