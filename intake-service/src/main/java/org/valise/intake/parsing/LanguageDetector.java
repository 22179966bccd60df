package org.valise.intake.parsing;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a text is in English, French or Spanish by counting the function words that only one of the three
 * languages uses; words in other scripts (a letterhead in Arabic or Khmer) do not count.
 */
final class LanguageDetector {

	private static final Pattern WORD = Pattern.compile("[a-z]+");

	private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "its", "for", "with", "is", "this",
			"has", "would", "be", "on", "that", "which", "by", "from", "are", "will", "it", "have", "our", "your");

	private static final Set<String> FRENCH = Set.of("le", "les", "des", "du", "et", "au", "aux", "une", "est",
			"pour", "sa", "ses", "cette", "qui", "dans", "sur", "avec", "par", "l", "d", "ne", "pas", "vous", "nous");

	private static final Set<String> SPANISH = Set.of("el", "los", "las", "del", "y", "para", "su", "sus", "con",
			"por", "una", "al", "es", "esta", "este", "lo", "como", "se", "usted", "mucho");

	private LanguageDetector() {
	}

	/**
	 * The ISO 639-1 code of the language of a folded text ({@code en}, {@code fr} or {@code es}).
	 * @return the code, or {@code null} when too few words tell
	 */
	static String detect(String folded) {
		int en = 0;
		int fr = 0;
		int es = 0;
		Matcher m = WORD.matcher(folded);
		while (m.find()) {
			String w = m.group();
			if (ENGLISH.contains(w)) {
				en++;
			}
			else if (FRENCH.contains(w)) {
				fr++;
			}
			else if (SPANISH.contains(w)) {
				es++;
			}
		}
		if (Math.max(en, Math.max(fr, es)) < 3) {
			return null;
		}
		if (en >= fr && en >= es) {
			return "en";
		}
		return fr >= es ? "fr" : "es";
	}

}
