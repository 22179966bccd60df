package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names the writing systems (Unicode scripts) used in a text, in order of first appearance: "Latin", "Khmer",
 * "Arabic", "Cyrillic"...
 */
final class ScriptDetector {

	private ScriptDetector() {
	}

	static List<String> scripts(String text) {
		Set<Character.UnicodeScript> seen = new LinkedHashSet<>();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (cp < 128) {
				if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
					seen.add(Character.UnicodeScript.LATIN);
				}
				continue;
			}
			if (!Character.isLetter(cp) && !Character.isDigit(cp) && Character.getType(cp) != Character.NON_SPACING_MARK
					&& Character.getType(cp) != Character.COMBINING_SPACING_MARK) {
				continue;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(cp);
			if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED
					&& script != Character.UnicodeScript.UNKNOWN) {
				seen.add(script);
			}
		}
		List<String> names = new ArrayList<>();
		for (Character.UnicodeScript script : seen) {
			names.add(name(script));
		}
		return names;
	}

	private static String name(Character.UnicodeScript script) {
		StringBuilder out = new StringBuilder();
		for (String word : script.name().split("_")) {
			if (out.length() > 0) {
				out.append(' ');
			}
			out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
		}
		return out.toString();
	}

}
