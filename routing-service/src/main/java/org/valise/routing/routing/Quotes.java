package org.valise.routing.routing;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.valise.routing.text.FoldedText;

/** Quotes a phrase of a note with a few words of context, without crossing a sentence boundary. */
final class Quotes {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final int WORDS_BEFORE = 5;

	private static final int WORDS_AFTER = 4;

	private static final int REACH = 240;

	private static final Pattern BOUNDARY = Pattern.compile("[.!?;:](\\s|$)|\\n\\s*\\n");

	private Quotes() {
	}

	/** The characters from {@code start} to {@code end} of the text, with up to five words before and four after. */
	static String around(String text, int start, int end) {
		String before = text.substring(Math.max(0, start - REACH), start);
		Matcher boundaries = BOUNDARY.matcher(before);
		int clauseStart = 0;
		while (boundaries.find()) {
			clauseStart = boundaries.end();
		}
		before = before.substring(clauseStart);
		String after = text.substring(end, Math.min(text.length(), end + REACH));
		Matcher next = BOUNDARY.matcher(after);
		after = next.find() ? after.substring(0, next.start()) : after;
		List<String> head = words(before);
		List<String> tail = words(after);
		String quote = String.join(" ", head.subList(Math.max(0, head.size() - WORDS_BEFORE), head.size()))
				+ (before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1)) ? " " : "")
				+ text.substring(start, end)
				+ (after.isEmpty() || Character.isWhitespace(after.charAt(0)) ? " " : "")
				+ String.join(" ", tail.subList(0, Math.min(WORDS_AFTER, tail.size())));
		return FoldedText.tidy(quote);
	}

	private static List<String> words(String text) {
		return Arrays.stream(WHITESPACE.split(text.strip())).filter(w -> !w.isEmpty()).toList();
	}

}
