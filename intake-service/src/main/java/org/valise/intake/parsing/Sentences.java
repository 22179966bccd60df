package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits flowing text into sentences at a full stop, question or exclamation mark followed by a capital, a bracket or
 * the end, but not after abbreviations such as "No.", "Mr.", "H.E." or an initial.
 */
final class Sentences {

	private static final Set<String> ABBREVIATIONS = Set.of("no", "nos", "mr", "mrs", "ms", "dr", "st", "hon", "sr", "sra",
			"srta", "jr", "prof", "art", "arts", "para", "paras", "vol", "encl", "ref", "excma", "excmo", "gen", "col",
			"lt", "messrs", "mme", "mlle", "nr", "p", "pp", "cf", "e", "i", "etc", "ltd", "inc", "co", "dept", "approx");

	private Sentences() {
	}

	/** The {start, end} offsets of each sentence of the text, end excluding the final stop. */
	static List<int[]> split(String text) {
		List<int[]> sentences = new ArrayList<>();
		int start = 0;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c != '.' && c != '!' && c != '?') {
				continue;
			}
			int next = i + 1;
			boolean ends = next >= n || (text.charAt(next) == ' '
					&& (next + 1 >= n || Character.isUpperCase(text.charAt(next + 1)) || text.charAt(next + 1) == '('
							|| Character.isDigit(text.charAt(next + 1))));
			if (!ends || (c == '.' && (isAbbreviation(text, i) || isOrdinalDay(text, i)))) {
				continue;
			}
			if (i > start) {
				sentences.add(new int[] { start, i });
			}
			start = next;
			while (start < n && text.charAt(start) == ' ') {
				start++;
			}
		}
		if (start < n && !text.substring(start).isBlank()) {
			sentences.add(new int[] { start, n });
		}
		return sentences;
	}

	/** "30. Juni 2023": a German or Scandinavian day before its month, not the end of a sentence. */
	private static boolean isOrdinalDay(String text, int dot) {
		if (dot == 0 || !Character.isDigit(text.charAt(dot - 1))) {
			return false;
		}
		int from = dot + 2;
		if (from >= text.length()) {
			return false;
		}
		int to = from;
		while (to < text.length() && Character.isLetter(text.charAt(to))) {
			to++;
		}
		return DateExtractor.isMonth(TextFold.fold(text.substring(from, to)));
	}

	private static boolean isAbbreviation(String text, int dot) {
		int from = dot;
		while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
			from--;
		}
		String word = TextFold.fold(text.substring(from, dot));
		boolean dotted = from > 0 && text.charAt(from - 1) == '.';
		return word.length() == 1 || dotted || ABBREVIATIONS.contains(word);
	}

}
