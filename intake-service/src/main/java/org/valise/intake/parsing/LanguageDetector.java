package org.valise.intake.parsing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which of the registry's nine languages a text is written in: by its script for Russian (Cyrillic), Arabic
 * and Chinese (Han), and for the Latin-script languages (English, French, Spanish, Portuguese, Italian, German) by
 * counting the function words that only one of them uses. A letterhead in another script does not count when the
 * body is given alone.
 */
final class LanguageDetector {

	/** A language and how sure the detector is of it (0 to 1). */
	record Detected(String language, double confidence) {
	}

	private static final Pattern WORD = Pattern.compile("[a-z]+");

	private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

	static {
		FUNCTION_WORDS.put("en", Set.of("the", "of", "and", "to", "its", "for", "with", "is", "this", "has", "would", "be",
				"on", "that", "which", "by", "from", "are", "will", "it", "have", "our", "your", "an", "been"));
		FUNCTION_WORDS.put("fr", Set.of("le", "les", "des", "du", "et", "au", "aux", "une", "est", "pour", "sa", "ses",
				"cette", "qui", "dans", "sur", "avec", "par", "ne", "pas", "vous", "nous", "leur", "ces", "l", "d"));
		FUNCTION_WORDS.put("es", Set.of("el", "los", "las", "y", "para", "su", "sus", "por", "al", "es", "esta", "este",
				"lo", "como", "se", "usted", "mucho", "muy", "ante", "sobre"));
		FUNCTION_WORDS.put("pt", Set.of("os", "do", "dos", "das", "em", "com", "uma", "ao", "sua", "seu", "seus", "suas",
				"nao", "na", "nos", "pela", "pelo", "junto", "ou", "tem"));
		FUNCTION_WORDS.put("it", Set.of("il", "gli", "dei", "delle", "della", "di", "per", "alla", "dal", "nel", "nella",
				"degli", "sono", "questo", "si", "che", "ha", "sua", "all", "dell"));
		FUNCTION_WORDS.put("de", Set.of("der", "die", "das", "und", "den", "dem", "des", "zu", "mit", "von", "fur", "ist",
				"sich", "nicht", "auf", "im", "ein", "eine", "bei", "wird", "wenn"));
	}

	private static final List<String> LATIN_LANGUAGES = List.copyOf(FUNCTION_WORDS.keySet());

	/** For each function word, the Latin-script languages (by index) that use it. */
	private static final Map<String, int[]> BY_WORD = new HashMap<>();

	static {
		for (int i = 0; i < LATIN_LANGUAGES.size(); i++) {
			for (String word : FUNCTION_WORDS.get(LATIN_LANGUAGES.get(i))) {
				int[] before = BY_WORD.getOrDefault(word, new int[0]);
				int[] after = java.util.Arrays.copyOf(before, before.length + 1);
				after[before.length] = i;
				BY_WORD.put(word, after);
			}
		}
	}

	private LanguageDetector() {
	}

	/**
	 * The ISO 639-1 code of the language of a folded text.
	 * @return the code, or {@code null} when too few words tell
	 */
	static String detect(String folded) {
		Detected d = detectWithConfidence(folded);
		return d == null ? null : d.language();
	}

	/** The language of a folded text and how sure the detector is, or {@code null} when too few words tell. */
	static Detected detectWithConfidence(String folded) {
		int latin = 0;
		int cyrillic = 0;
		int arabic = 0;
		int han = 0;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c < 128) {
				latin += (c >= 'a' && c <= 'z') ? 1 : 0;
				continue;
			}
			if (!Character.isLetter(c)) {
				continue;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			switch (script) {
				case LATIN -> latin++;
				case CYRILLIC -> cyrillic++;
				case ARABIC -> arabic++;
				case HAN -> han += 3;
				default -> {
				}
			}
		}
		int letters = latin + cyrillic + arabic + han;
		if (letters == 0) {
			return null;
		}
		int other = Math.max(cyrillic, Math.max(arabic, han));
		if (other > latin) {
			String language = other == cyrillic ? "ru" : (other == arabic ? "ar" : "zh");
			return new Detected(language, Math.min(0.99, 0.5 + 0.5 * other / letters));
		}
		int[] counts = new int[LATIN_LANGUAGES.size()];
		Matcher m = WORD.matcher(folded);
		while (m.find()) {
			int[] languages = BY_WORD.get(m.group());
			if (languages != null) {
				for (int language : languages) {
					counts[language]++;
				}
			}
		}
		String best = null;
		int top = 0;
		int second = 0;
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > top) {
				second = top;
				top = counts[i];
				best = LATIN_LANGUAGES.get(i);
			}
			else if (counts[i] > second) {
				second = counts[i];
			}
		}
		if (top < 3) {
			return null;
		}
		double margin = (double) (top - second) / top;
		return new Detected(best, Math.min(0.99, 0.4 + 0.6 * margin * Math.min(1.0, top / 10.0)));
	}

}
