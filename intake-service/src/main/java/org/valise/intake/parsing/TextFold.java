package org.valise.intake.parsing;

import java.text.Normalizer;

/**
 * Folds text for matching (lower case, no diacritics, plain quotes and dashes, ASCII digits for the digits of any
 * numeral system, e.g. Arabic-Indic) without changing its length, so
 * that an index in the folded copy is the same index in the text it was folded from.
 */
final class TextFold {

	private static final char[] TABLE = buildTable();

	private TextFold() {
	}

	static String fold(String s) {
		char[] out = new char[s.length()];
		for (int i = 0; i < out.length; i++) {
			out[i] = TABLE[s.charAt(i)];
		}
		return new String(out);
	}

	static char fold(char c) {
		return TABLE[c];
	}

	/** Whether the string has only ASCII letters, after folding. */
	static boolean isAsciiWord(String folded) {
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c < 'a' || c > 'z') {
				return false;
			}
		}
		return !folded.isEmpty();
	}

	private static char[] buildTable() {
		char[] table = new char[65536];
		for (int c = 0; c < table.length; c++) {
			char ch = (char) c;
			table[c] = ch;
			if (c < 128) {
				table[c] = Character.toLowerCase(ch);
			}
			else if (Character.isSurrogate(ch)) {
				continue;
			}
			else if (Character.isLetter(ch) && (c < 0x0530 || (c >= 0x1E00 && c < 0x2000))) {
				String decomposed = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
				table[c] = Character.toLowerCase(decomposed.charAt(0));
			}
			else if (Character.isLetter(ch)) {
				table[c] = Character.toLowerCase(ch);
			}
			else if (Character.isDigit(ch)) {
				table[c] = (char) ('0' + Character.digit(ch, 10));
			}
		}
		for (char q : "\u2018\u2019\u201B\u2032\u00B4".toCharArray()) {
			table[q] = '\'';
		}
		for (char q : "\u201C\u201D\u201E\u00AB\u00BB".toCharArray()) {
			table[q] = '"';
		}
		for (char d : "\u2010\u2011\u2012\u2013\u2014\u2212".toCharArray()) {
			table[d] = '-';
		}
		table['\u00A0'] = ' ';
		table['\u202F'] = ' ';
		table['\t'] = ' ';
		return table;
	}

}
