package org.valise.intake.evaluation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a field the parser read is compared with the field a clerk wrote in {@code expected.jsonl}. Text is compared
 * after Unicode NFKC, case folded and punctuation taken for space ({@link #normalise(String)}), and:
 * <ul>
 * <li>{@code doc_type}, {@code language}, {@code highest_destination}, {@code confidential}: equal;</li>
 * <li>{@code date}: the same ISO date;</li>
 * <li>{@code reference}: equal once a leading label ("No.", "N°", "Ref.", "Nota", "Our ref.") is taken off both;</li>
 * <li>{@code in_reply_to}: the same references cited, in the same order, labels off ({@link #citedReferences});
 * when neither cites one, the texts are compared as names;</li>
 * <li>{@code place}, {@code sender}, {@code recipient}, {@code recipient_head}: similar names ({@link #similar}): one
 * contains the other, or their sequence-similarity ratio is at least {@value #SIMILARITY};</li>
 * <li>{@code enclosures}: as many as expected, and each expected author found (similar) among those read;</li>
 * <li>{@code requested_action}, a summary in English a clerk wrote: it matches when at least half of the expected
 * content stems (first five letters of each word that is not a function word) are in the summary read, and at least
 * a quarter of the stems read are expected ({@link #summaryMatches}).</li>
 * </ul>
 * A field expected {@code null} (or empty) matches only a field read {@code null} (or empty).
 */
public final class Scoring {

	/** The sequence-similarity ratio from which two names are the same name. */
	public static final double SIMILARITY = 0.75;

	private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");

	private static final Pattern LABEL = Pattern.compile("^(?:(?:our|your|notre|votre|nuestra|su)\\s+)?"
			+ "(?:note\\s+verbale|nota\\s+verbale?|nota|note|ref(?:erence|erencia)?|r[eé]f|n\\.?\\s?[°º]|n\\.o|n[°º.]?|no|nr"
			+ "|num(?:ero)?|№)"
			+ "(?:\\s*[.:°º]\\s*|\\s+)(?:(?:no|n[°º])\\s*[.:]?\\s*)?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern REFERENCE_TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}./()\\-]*[\\p{L}\\p{N})]");

	private static final List<String> FUNCTION_WORDS = List.of(("the of and to in for on at by from with as an a is "
			+ "are be it its this that or not their his her which who whom whose will would could should can may has "
			+ "have had was were been being into onto upon than then there these those also each both so such")
		.split(" "));

	private Scoring() {
	}

	/** NFKC, lower case, every run of punctuation, symbols and spaces made one space, stripped. */
	public static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return PUNCTUATION.matcher(s).replaceAll(" ").strip();
	}

	/** Whether the two texts are equal once normalised. */
	public static boolean equal(String expected, String got) {
		return normalise(expected).equals(normalise(got));
	}

	/** The reference without its label: "Ref. No.: PMNG/IOM/081" is "PMNG/IOM/081". */
	public static String withoutLabel(String reference) {
		if (reference == null) {
			return null;
		}
		String s = Normalizer.normalize(reference, Normalizer.Form.NFKC).strip();
		for (int i = 0; i < 3; i++) {
			Matcher m = LABEL.matcher(s);
			if (!m.find() || m.end() == 0 || m.end() >= s.length() || !hasDigit(s.substring(m.end()))) {
				break;
			}
			s = s.substring(m.end()).strip();
		}
		return s;
	}

	/** Whether two references are the same once their labels are off. */
	public static boolean sameReference(String expected, String got) {
		return equal(withoutLabel(expected), withoutLabel(got));
	}

	/**
	 * The references a text cites, in order: tokens holding a digit and either a "/" or a letter next to a "." or
	 * "-" ("OLA/2023/0187", "C.L.14.2012", "KGV-IOM-2022-0193"), labels off. Dates and bare numbers are not
	 * references.
	 */
	public static List<String> citedReferences(String text) {
		List<String> refs = new ArrayList<>();
		if (text == null) {
			return refs;
		}
		Matcher m = REFERENCE_TOKEN.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
		while (m.find()) {
			String token = m.group();
			boolean letter = token.codePoints().anyMatch(Character::isLetter);
			if (hasDigit(token) && (token.indexOf('/') >= 0 || (letter && (token.indexOf('.') >= 0
					|| token.indexOf('-') >= 0)))) {
				refs.add(normalise(token));
			}
		}
		return refs;
	}

	/** Whether the same references are cited in the same order; without any, whether the texts are similar. */
	public static boolean sameCitations(String expected, String got) {
		if (empty(expected) || empty(got)) {
			return empty(expected) && empty(got);
		}
		List<String> e = citedReferences(expected);
		List<String> g = citedReferences(got);
		return (e.isEmpty() && g.isEmpty()) ? similar(expected, got) : e.equals(g);
	}

	/**
	 * Whether two names are the same name: once normalised, one contains the other, or their sequence-similarity
	 * ratio ({@link #ratio}) is at least {@value #SIMILARITY}.
	 */
	public static boolean similar(String expected, String got) {
		if (empty(expected) || empty(got)) {
			return empty(expected) && empty(got);
		}
		String e = normalise(expected);
		String g = normalise(got);
		if (e.isEmpty() || g.isEmpty()) {
			return e.equals(g);
		}
		return e.contains(g) || g.contains(e) || ratio(e, g) >= SIMILARITY;
	}

	/**
	 * The Ratcliff/Obershelp sequence-similarity ratio of two strings (as Python's difflib computes it, without its
	 * junk heuristic): twice the characters of their matching blocks over the length of both.
	 */
	public static double ratio(String a, String b) {
		int total = a.length() + b.length();
		return total == 0 ? 1.0 : 2.0 * matching(a, 0, a.length(), b, 0, b.length()) / total;
	}

	/** The characters in matching blocks: the longest common substring, then recursively left and right of it. */
	private static int matching(String a, int a0, int a1, String b, int b0, int b1) {
		if (a0 >= a1 || b0 >= b1) {
			return 0;
		}
		int bestI = a0;
		int bestJ = b0;
		int best = 0;
		int[] previous = new int[b1 - b0 + 1];
		for (int i = a0; i < a1; i++) {
			int[] current = new int[b1 - b0 + 1];
			for (int j = b0; j < b1; j++) {
				if (a.charAt(i) == b.charAt(j)) {
					int k = previous[j - b0] + 1;
					current[j - b0 + 1] = k;
					if (k > best) {
						best = k;
						bestI = i - k + 1;
						bestJ = j - k + 1;
					}
				}
			}
			previous = current;
		}
		if (best == 0) {
			return 0;
		}
		return best + matching(a, a0, bestI, b, b0, bestJ) + matching(a, bestI + best, a1, b, bestJ + best, b1);
	}

	/** Whether as many enclosures were read as expected, and each expected author is among the authors read. */
	public static boolean sameEnclosures(List<String> expectedAuthors, List<String> authorsRead) {
		if (expectedAuthors.size() != authorsRead.size()) {
			return false;
		}
		for (String author : expectedAuthors) {
			if (author != null && authorsRead.stream().noneMatch((read) -> read != null && similar(author, read))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a summary read says what the expected one says: at least half of the expected content stems are in
	 * it, and at least a quarter of its own are expected (neither vague nor padded).
	 */
	public static boolean summaryMatches(String expected, String got) {
		if (empty(expected) || empty(got)) {
			return empty(expected) && empty(got);
		}
		List<String> e = stems(expected);
		List<String> g = stems(got);
		if (e.isEmpty() || g.isEmpty()) {
			return e.isEmpty() && g.isEmpty();
		}
		long recalled = e.stream().filter(g::contains).count();
		long precise = g.stream().filter(e::contains).count();
		return recalled >= 0.5 * e.size() && precise >= 0.25 * g.size();
	}

	private static List<String> stems(String text) {
		List<String> stems = new ArrayList<>();
		for (String w : normalise(text).split(" ")) {
			if (!w.isEmpty() && !FUNCTION_WORDS.contains(w)) {
				String stem = w.length() > 5 ? w.substring(0, 5) : w;
				if (!stems.contains(stem)) {
					stems.add(stem);
				}
			}
		}
		return stems;
	}

	private static boolean hasDigit(String s) {
		return s.chars().anyMatch(Character::isDigit);
	}

	private static boolean empty(String s) {
		return s == null || s.isBlank();
	}

}
