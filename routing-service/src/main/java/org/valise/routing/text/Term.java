package org.valise.routing.text;

/**
 * A name, title or phrase to look for in a {@link FoldedText}, folded the same way as the text.
 * <p>
 * {@link #of(String)} suits names: a single short word (five characters or fewer once folded, e.g. an acronym
 * such as {@code DG}) must match a whole word, anything longer matches wherever its letters appear in sequence,
 * ignoring spaces and punctuation, so "Director-General", "DIRECTOR GENERAL" and an OCR-split "Direc tor General"
 * all match "Director General", and a stem such as "evacuat" matches "evacuation". {@link #words(String)} suits
 * titles that must not match inside other words ("minister" is not in "administer").
 *
 * @param phrase the phrase as written (e.g. in the directory)
 * @param folded the phrase folded to compare: letters only, or words separated by one space for whole words
 * @param wholeWords whether it must match whole words
 */
public record Term(String phrase, String folded, boolean wholeWords) {

	private static final int MAX_WHOLE_WORD_LENGTH = 5;

	/** A name or stem: whole word when it is one short word, letters in sequence otherwise. */
	public static Term of(String phrase) {
		String words = FoldedText.fold(phrase);
		boolean shortWord = !words.isEmpty() && words.indexOf(' ') < 0 && words.length() <= MAX_WHOLE_WORD_LENGTH;
		return shortWord ? new Term(phrase, words, true) : new Term(phrase, words.replace(" ", ""), false);
	}

	/** A phrase that must match whole words. */
	public static Term words(String phrase) {
		return new Term(phrase, FoldedText.fold(phrase), true);
	}

	/** Whether folding left nothing to match (the phrase has no letter or digit). */
	public boolean isBlank() {
		return this.folded.isEmpty();
	}

}
