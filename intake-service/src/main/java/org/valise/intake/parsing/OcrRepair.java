package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the usual OCR confusions in a working copy: digits read for letters ("0rganization", "nat1onals"),
 * letter shapes read for others ("Intemational", "Pennanent") and words split by a stray space ("Nati ons"). A word
 * is changed only when the repaired form is a known word, so names and references are left alone.
 */
final class OcrRepair {

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{Nd}]+");

	private static final Pattern ORDINAL = Pattern.compile("\\d+(?:st|nd|rd|th|er|re|e|eme|o|a)", Pattern.CASE_INSENSITIVE);

	private static final String[][] CONFUSIONS = { { "m", "rn" }, { "rn", "m" }, { "nn", "rm" }, { "cl", "d" },
			{ "d", "cl" }, { "vv", "w" }, { "li", "h" }, { "h", "li" }, { "l", "i" }, { "i", "l" }, { "c", "e" },
			{ "e", "c" } };

	private OcrRepair() {
	}

	static MappedText repair(MappedText text) {
		String s = text.text();
		String whole = TextFold.fold(s);
		List<int[]> tokens = new ArrayList<>();
		Set<String> docWords = new HashSet<>();
		Matcher m = TOKEN.matcher(s);
		while (m.find()) {
			tokens.add(new int[] { m.start(), m.end() });
			String folded = whole.substring(m.start(), m.end());
			if (folded.chars().noneMatch(Character::isDigit)) {
				docWords.add(folded);
			}
		}
		MappedText.Builder out = text.builder();
		int pos = 0;
		for (int k = 0; k < tokens.size(); k++) {
			int start = tokens.get(k)[0];
			int end = tokens.get(k)[1];
			out.keep(pos, start);
			if (k + 1 < tokens.size() && joins(s, whole, start, end, tokens.get(k + 1))) {
				out.keep(start, end);
				out.keep(tokens.get(k + 1)[0], tokens.get(k + 1)[1]);
				pos = tokens.get(k + 1)[1];
				k++;
				continue;
			}
			String fixed = fix(s, whole, start, end, docWords);
			if (fixed == null) {
				out.keep(start, end);
			}
			else {
				out.replace(start, end, fixed);
			}
			pos = end;
		}
		out.keep(pos, s.length());
		return out.build();
	}

	private static boolean joins(String s, String whole, int start, int end, int[] next) {
		if (next[0] != end + 1 || s.charAt(end) != ' ' || !Character.isLowerCase(s.charAt(next[0]))) {
			return false;
		}
		String first = whole.substring(start, end);
		String second = whole.substring(next[0], next[1]);
		if (!TextFold.isAsciiWord(first) || !TextFold.isAsciiWord(second) || Lexicon.isStopword(first)
				|| Lexicon.isStopword(second)) {
			return false;
		}
		return Lexicon.isWord(first + second) && (!Lexicon.isWord(first) || !Lexicon.isWord(second));
	}

	private static String fix(String s, String whole, int start, int end, Set<String> docWords) {
		String token = s.substring(start, end);
		boolean hasDigit = token.chars().anyMatch(Character::isDigit);
		if (hasDigit) {
			boolean nextToCode = (start > 0 && s.charAt(start - 1) == '/') || (end < s.length() && s.charAt(end) == '/');
			return nextToCode ? null : fixDigits(token, docWords);
		}
		String folded = whole.substring(start, end);
		if (token.length() < 5 || !TextFold.isAsciiWord(folded) || !token.chars().allMatch((c) -> c < 128)
				|| Lexicon.isWord(folded)) {
			return null;
		}
		for (String[] confusion : CONFUSIONS) {
			int at = folded.indexOf(confusion[0]);
			while (at >= 0) {
				String candidate = folded.substring(0, at) + confusion[1] + folded.substring(at + confusion[0].length());
				if (Lexicon.isWord(candidate)) {
					return recase(candidate, token);
				}
				at = folded.indexOf(confusion[0], at + 1);
			}
		}
		return null;
	}

	private static String fixDigits(String token, Set<String> docWords) {
		int letters = 0;
		boolean upper = true;
		for (char c : token.toCharArray()) {
			if (Character.isLetter(c)) {
				letters++;
				upper &= Character.isUpperCase(c);
			}
			else if (c != '0' && c != '1') {
				return null;
			}
		}
		if (letters == 0 || ORDINAL.matcher(token).matches() || (letters == 1 && token.indexOf('0') < 0)) {
			return null;
		}
		String lower = token.toLowerCase();
		List<String> candidates = new ArrayList<>();
		candidates.add("");
		for (char c : lower.toCharArray()) {
			List<String> next = new ArrayList<>();
			for (String prefix : candidates) {
				if (c == '0') {
					next.add(prefix + 'o');
				}
				else if (c == '1') {
					next.add(prefix + 'l');
					next.add(prefix + 'i');
				}
				else {
					next.add(prefix + c);
				}
			}
			candidates = next;
		}
		String chosen = null;
		for (String candidate : candidates) {
			String folded = TextFold.fold(candidate);
			if (Lexicon.isWord(folded) || docWords.contains(folded)) {
				chosen = candidate;
				break;
			}
		}
		if (chosen == null) {
			if (letters < 3) {
				return null;
			}
			chosen = candidates.get(0);
		}
		StringBuilder out = new StringBuilder(token.length());
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			char r = chosen.charAt(i);
			boolean capital = upper || (i == 0 && !Lexicon.isStopword(chosen));
			out.append(Character.isDigit(c) ? (capital ? Character.toUpperCase(r) : r) : c);
		}
		return out.toString();
	}

	private static String recase(String candidate, String token) {
		boolean allUpper = token.chars().allMatch(Character::isUpperCase);
		if (allUpper) {
			return candidate.toUpperCase();
		}
		if (Character.isUpperCase(token.charAt(0))) {
			return Character.toUpperCase(candidate.charAt(0)) + candidate.substring(1);
		}
		return candidate;
	}

}
