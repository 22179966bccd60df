package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * The form under which the {@link Glossary} looks a word up: folded (case, accents); a Russian word without its case or
 * verb ending ("письма", "письмо", "письмом" are "письм"); an Arabic word without its short vowels, with one alef, with
 * its conjunction and article off ("والمنظمة" is "منظمه"), and, when that form is unknown, without a preposition
 * joined to it or a pronoun at its end ({@link #variants}).
 */
final class WordForms {

	/** Russian noun, adjective and verb endings, longest first, folded as the text is (й is и). */
	private static final String[] RUSSIAN_ENDINGS = fold("иями ями ами ого его ому ему ыми ими ать ять ить еть уть ться "
			+ "ых их ой ей ий ый ая яя ое ее ые ие ом ем ам ям ах ях ов ев ию ия ье ья ью ую юю ть а я ы и е о у ю ь й")
		.split(" ");

	private static final String ARABIC_MARKS = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0640\u0670";

	private WordForms() {
	}

	private static String fold(String s) {
		return TextFold.fold(s);
	}

	static String form(String word, String language) {
		String folded = TextFold.fold(word);
		if ("ru".equals(language)) {
			return russian(folded);
		}
		if ("ar".equals(language)) {
			return arabic(folded);
		}
		return folded;
	}

	/** Other forms to try for a word the glossary does not know in its {@link #form}. */
	static List<String> variants(String form, String language) {
		List<String> out = new ArrayList<>();
		if ("ar".equals(language)) {
			String bare = form;
			if (bare.length() >= 4 && "بلك".indexOf(bare.charAt(0)) >= 0) {
				bare = article(bare.substring(1));
				out.add(bare);
			}
			for (String suffix : new String[] { "هما", "كم", "هم", "ها", "نا", "ه" }) {
				if (bare.length() - suffix.length() >= 3 && bare.endsWith(suffix)) {
					String stem = bare.substring(0, bare.length() - suffix.length());
					out.add(stem);
					out.add(stem.endsWith("ت") ? stem.substring(0, stem.length() - 1) + "ه" : stem);
					break;
				}
			}
		}
		return out;
	}

	private static String russian(String w) {
		if (w.length() <= 3) {
			return w;
		}
		for (String ending : RUSSIAN_ENDINGS) {
			if (w.endsWith(ending) && w.length() - ending.length() >= 3) {
				return w.substring(0, w.length() - ending.length());
			}
		}
		return w;
	}

	private static String arabic(String w) {
		StringBuilder b = new StringBuilder(w.length());
		for (int i = 0; i < w.length(); i++) {
			char c = w.charAt(i);
			if (ARABIC_MARKS.indexOf(c) >= 0) {
				continue;
			}
			b.append(c == 'أ' || c == 'إ' || c == 'آ' ? 'ا' : c == 'ة' ? 'ه' : c == 'ى' ? 'ي' : c);
		}
		String s = b.toString();
		if (s.length() > 3 && (s.charAt(0) == 'و' || s.charAt(0) == 'ف')) {
			String rest = s.substring(1);
			s = rest.startsWith("ال") || rest.startsWith("لل") || rest.startsWith("بال") || rest.length() > 3 ? rest : s;
		}
		return article(s);
	}

	private static String article(String s) {
		if (s.startsWith("ال") && s.length() > 3) {
			return s.substring(2);
		}
		if (s.startsWith("لل") && s.length() > 3) {
			return s.substring(2);
		}
		if ((s.startsWith("بال") || s.startsWith("كال")) && s.length() > 4) {
			return s.substring(3);
		}
		return s;
	}

}
