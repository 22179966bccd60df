package org.valise.routing.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text folded for tolerant matching: diacritics and case removed, punctuation and runs of spaces turned into one
 * space, "organisation" spelled "organization", and the usual OCR confusions (0/o, 1/l/i, rn/m) made equal; every
 * folded character remembers where it came from, so a match can be quoted from the original.
 */
public final class FoldedText {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final String original;

	/** The folded words, each surrounded by one space. */
	private final String words;

	private final int[] wordsStart;

	private final int[] wordsEnd;

	/** The folded letters and digits without any space. */
	private final String compact;

	private final int[] compactStart;

	private final int[] compactEnd;

	private FoldedText(String original) {
		this.original = original;
		StringBuilder folded = new StringBuilder(" ");
		List<int[]> origins = new ArrayList<>();
		origins.add(new int[] { 0, 0 });
		for (int i = 0; i < original.length(); i++) {
			String decomposed = Normalizer.normalize(String.valueOf(original.charAt(i)), Normalizer.Form.NFD);
			for (char c : decomposed.toLowerCase(Locale.ROOT).toCharArray()) {
				if (Character.getType(c) == Character.NON_SPACING_MARK) {
					continue;
				}
				if (!Character.isLetterOrDigit(c)) {
					if (folded.charAt(folded.length() - 1) != ' ') {
						folded.append(' ');
						origins.add(new int[] { i, i });
					}
					continue;
				}
				char f = ocr(c);
				int last = folded.length() - 1;
				if (f == 'n' && folded.charAt(last) == 'r') {
					folded.setCharAt(last, 'm');
					origins.get(last)[1] = i + 1;
					continue;
				}
				folded.append(f);
				origins.add(new int[] { i, i + 1 });
			}
		}
		if (folded.charAt(folded.length() - 1) != ' ') {
			folded.append(' ');
			origins.add(new int[] { original.length(), original.length() });
		}
		this.words = folded.toString().replace("organis", "organiz");
		this.wordsStart = origins.stream().mapToInt(o -> o[0]).toArray();
		this.wordsEnd = origins.stream().mapToInt(o -> o[1]).toArray();
		StringBuilder compactText = new StringBuilder();
		List<Integer> keep = new ArrayList<>();
		for (int i = 0; i < this.words.length(); i++) {
			if (this.words.charAt(i) != ' ') {
				compactText.append(this.words.charAt(i));
				keep.add(i);
			}
		}
		this.compact = compactText.toString();
		this.compactStart = keep.stream().mapToInt(k -> this.wordsStart[k]).toArray();
		this.compactEnd = keep.stream().mapToInt(k -> this.wordsEnd[k]).toArray();
	}

	/** Folds a text; {@code null} folds as an empty text. */
	public static FoldedText of(String text) {
		return new FoldedText(text == null ? "" : text);
	}

	/** The folded words of a phrase, separated by single spaces, without leading or trailing space. */
	public static String fold(String phrase) {
		return of(phrase).words.strip();
	}

	/** The text as given. */
	public String original() {
		return this.original;
	}

	/** Whether the term occurs in the text. */
	public boolean contains(Term term) {
		return !find(term).isEmpty();
	}

	/** Every occurrence of the term, in order, as spans of the original text. */
	public List<Span> find(Term term) {
		List<Span> spans = new ArrayList<>();
		if (term.isBlank()) {
			return spans;
		}
		if (term.wholeWords()) {
			String needle = " " + term.folded() + " ";
			for (int at = this.words.indexOf(needle); at >= 0; at = this.words.indexOf(needle, at + 1)) {
				spans.add(new Span(this.wordsStart[at + 1], this.wordsEnd[at + needle.length() - 2]));
			}
		}
		else {
			String needle = term.folded();
			for (int at = this.compact.indexOf(needle); at >= 0; at = this.compact.indexOf(needle, at + 1)) {
				spans.add(new Span(this.compactStart[at], this.compactEnd[at + needle.length() - 1]));
			}
		}
		return spans;
	}

	/** The original characters of a span, with runs of white space and markup asterisks reduced to one space. */
	public String quote(Span span) {
		return tidy(this.original.substring(span.start(), span.end()));
	}

	/** Like {@link #quote(Span)}, widened to whole words (a match of the stem "evacuat" quotes "evacuation"). */
	public String quoteWords(Span span) {
		int start = span.start();
		int end = span.end();
		while (start > 0 && Character.isLetterOrDigit(this.original.charAt(start - 1))) {
			start--;
		}
		while (end < this.original.length() && Character.isLetterOrDigit(this.original.charAt(end))) {
			end++;
		}
		return tidy(this.original.substring(start, end));
	}

	/** Reduces runs of white space (and Markdown asterisks) to one space and strips the ends. */
	public static String tidy(String text) {
		return WHITESPACE.matcher(text.replace("*", "")).replaceAll(" ").strip();
	}

	private static char ocr(char c) {
		return switch (c) {
			case '0' -> 'o';
			case '1', 'l' -> 'i';
			default -> c;
		};
	}

}
