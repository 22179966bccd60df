package org.valise.routing.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key under which a note's sender and reference are remembered, so that the same note sent twice is recognised:
 * case, diacritics, white space and punctuation do not count ("No. 2021/01/105" = "2021-01-105"), but the
 * boundaries between the parts of a reference do ("2021/01/105" ≠ "2021/011/05").
 */
public final class DuplicateKey {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	/** A leading "No.", "N°", "Nr.", "Ref." is a label, not part of the reference. */
	private static final Pattern LABEL = Pattern.compile("^(no|n|nr|num|ref|reference) (?=\\S)");

	private DuplicateKey() {
	}

	/** The key, or empty when the sender or the reference is missing (such notes are never taken for duplicates). */
	public static Optional<String> of(String sender, String reference) {
		String who = fold(sender);
		String what = fold(reference);
		if (what != null) {
			what = LABEL.matcher(what).replaceFirst("");
		}
		return who == null || what == null || what.isEmpty() ? Optional.empty() : Optional.of(who + "|" + what);
	}

	private static String fold(String text) {
		if (text == null) {
			return null;
		}
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		String folded = SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
		return folded.isEmpty() ? null : folded;
	}

}
