package org.valise.notification.receipt;

import java.util.Locale;
import java.util.Set;

/**
 * Names the sender after a preposition in each language, with the article it takes: "to the Permanent Mission …",
 * "à la Mission permanente …", "au Ministère …", "a la Misión Permanente …", "al Ministerio …". A name whose first word
 * is not a known noun (a person, a title) is left without article. A language not known here gets the name as
 * written.
 */
final class Addressees {

	private static final Set<String> FR_FEMININE = Set.of("mission", "délégation", "representation",
			"représentation", "république", "présidence", "primature", "communauté", "chancellerie");

	private static final Set<String> FR_MASCULINE = Set.of("ministère", "gouvernement", "bureau", "consulat",
			"secrétariat", "conseil", "haut-commissariat", "cabinet", "département", "service");

	private static final Set<String> ES_FEMININE = Set.of("misión", "mision", "embajada", "delegación",
			"representación", "república", "presidencia", "organización", "oficina", "cancillería");

	private static final Set<String> ES_MASCULINE = Set.of("ministerio", "gobierno", "consulado", "despacho",
			"departamento", "consejo", "servicio");

	private Addressees() {
	}

	/**
	 * The sender as the compliments name it, after the preposition in English ("to"), with the preposition and the
	 * article in French and Spanish; in a language whose articles are not known here, as written (its bundle's
	 * patterns carry the preposition).
	 */
	static String after(String language, String sender) {
		return switch (language) {
			case "en" -> english(sender);
			case "fr" -> french(sender);
			case "es" -> spanish(sender);
			default -> sender;
		};
	}

	/** The sender as the draft's addressee: with its article in English ("the Permanent Mission …"), else as is. */
	static String named(String language, String sender) {
		return "en".equals(language) ? english(sender) : sender;
	}

	/** "the Permanent Mission of …" (English: after "to", or as an object). */
	static String english(String sender) {
		return sender.regionMatches(true, 0, "the ", 0, 4) ? "the " + sender.substring(4) : "the " + sender;
	}

	/** "à la Mission …", "au Ministère …", "à l'Ambassade …", "aux …", or "à Son Excellence …". */
	static String french(String sender) {
		String lower = sender.toLowerCase(Locale.ROOT);
		if (lower.startsWith("la ")) {
			return "à la " + sender.substring(3);
		}
		if (lower.startsWith("le ")) {
			return "au " + sender.substring(3);
		}
		if (lower.startsWith("l'") || lower.startsWith("l’")) {
			return "à l'" + sender.substring(2);
		}
		if (lower.startsWith("les ")) {
			return "aux " + sender.substring(4);
		}
		String first = firstWord(lower);
		if (FR_FEMININE.contains(first) || FR_MASCULINE.contains(first)) {
			if ("aeiouyhéèêàâîôû".indexOf(first.charAt(0)) >= 0) {
				return "à l'" + sender;
			}
			return (FR_FEMININE.contains(first) ? "à la " : "au ") + sender;
		}
		return (first.startsWith("ambassade") || first.startsWith("organisation") || first.startsWith("union"))
				? "à l'" + sender : "à " + sender;
	}

	/** "a la Misión …", "al Ministerio …", "a los …", or "a Su Excelencia …". */
	static String spanish(String sender) {
		String lower = sender.toLowerCase(Locale.ROOT);
		if (lower.startsWith("la ") || lower.startsWith("los ") || lower.startsWith("las ")) {
			return "a " + Character.toLowerCase(sender.charAt(0)) + sender.substring(1);
		}
		if (lower.startsWith("el ")) {
			return "al " + sender.substring(3);
		}
		String first = firstWord(lower);
		if (ES_FEMININE.contains(first)) {
			return "a la " + sender;
		}
		return ES_MASCULINE.contains(first) ? "al " + sender : "a " + sender;
	}

	private static String firstWord(String lower) {
		int end = 0;
		while (end < lower.length() && !Character.isWhitespace(lower.charAt(end)) && lower.charAt(end) != ',') {
			end++;
		}
		return lower.substring(0, end);
	}

}
