package org.valise.intake.parsing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers for the names of persons, offices and entities in running text: where a name ends, its honorifics and
 * article, the role it holds ("Prime Minister"), the head title it contains, and title case for capitals.
 */
final class Names {

	private static final Pattern LEADING = Pattern.compile("(?:(?:his|her|their) (?:excellency|excellencies|majesty"
			+ "|royal highness|highness)|h\\.\\s?e\\.|s\\.\\s?e\\.|the (?:right )?hon(?:ou?rable|\\.)|hon(?:ou?rable|\\.)"
			+ "|son excellence|sa majeste|su excelencia|su majestad|excelentisim[oa]|excm[oa]\\.?|monsieur|madame|mme\\.?"
			+ "|senora?|sr\\.|sra\\.|mr\\.?|mrs\\.?|ms\\.?|signor[ae]?|sig\\.(?:ra)?|senhora?|sua excelencia|herrn?|frau"
			+ "|господин[ау]?|госпож[аи]|г-н|г-жа|г-жи|the|le|la|el|les|los|las|a|al|to|aux|au)\\s+|l'|d'");

	private static final Pattern ARTICLE = Pattern.compile("(?:the|le|la|el|les|los|las|a|al|to|aux|au|o|os|as|il|lo|gli"
			+ "|die|der|das|dem|den)\\s+|l'");

	/** Where a name stops in running text: the words that start what is said about it. */
	static final Pattern STOP = Formulas.folded("[\\s,]+(?:addressed|adressee?|dirigee?|dirige|dirigida|dirigido"
			+ "|envia|remite|dated|datee|on|concerning|regarding|relating|relative|relatif|relativa|relativo|sur|sobre"
			+ "|mediante|proposing|requesting|inviting|informing|expressing|whereby|in which|dont|which|who|por la que"
			+ "|por la cual|de fecha|en date|prepared|signed|drawn|issued|etablie?|preparad[oa]|elaborad[oa]|to host"
			+ "|in order|so that|afin|para que|a fin|на имя|в адрес|адресованн\\p{L}*|по вопросу|относительно|о том"
			+ "|الموجهة|الموجه|والمؤرخة|المؤرخة|بشأن|حول)(?![\\p{L}])|[\u060c]|(?<!\\b[a-z]|\\bmr|\\bms|\\bmrs|\\bdr|\\bst|\\bno|\\bhon|\\bsr"
			+ "|\\bsra|\\bjr|\\bprof|\\bexcma?)[;:.](?:\\s|$)");

	private static final Pattern ROLE_WORD = Pattern.compile("\\b(?:minister|ministre|ministro|president|presidente|king"
			+ "|roi|rey|queen|reine|reina|ambassador|ambassadeur|embajador|secretary|secretaire|secretario|chancellor"
			+ "|chef|head|director|directeur|directora?|governor|emir|sultan|prince|representative|representant"
			+ "|representante|chair|chairman|chairperson|premier|prime|consul|charge)");

	private static final Pattern OF = Pattern.compile("\\s+(?:of|de|del|du|des|d')\\b|,");

	private static final Pattern LOWER_WORD = Pattern.compile("(?<=\\s)(\\p{Ll}[\\p{L}'\u2019.-]*)");

	private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "for", "in", "on", "at", "to", "de", "du",
			"des", "la", "le", "les", "del", "y", "et", "en", "pour", "para", "van", "von", "da", "di", "bin", "al", "ibn",
			"der", "die", "das", "dem", "den", "für", "und", "bei", "zu", "e", "do", "dos", "junto", "della", "dell",
			"degli", "per");

	private static final Set<String> SMALL = Set.of("of", "the", "and", "to", "in", "for", "at", "on", "de", "du", "des",
			"la", "le", "les", "del", "y", "et", "en", "con", "ante", "aupres", "auprès", "a", "à", "el", "los", "las");

	private Names() {
	}

	/**
	 * The end of the name that starts at {@code from}: comma-separated parts are kept while they are capitalised.
	 * When strict (English), a part also stops at the first lower-case word that is not "of", "the", "and"...
	 */
	static int end(String text, String folded, int from, boolean strict) {
		int i = from;
		while (true) {
			Matcher stop = STOP.matcher(folded).region(i, folded.length());
			int comma = folded.indexOf(',', i);
			int stopAt = stop.find() ? stop.start() : folded.length();
			if (strict) {
				Matcher word = LOWER_WORD.matcher(text).region(i, stopAt);
				while (word.find()) {
					if (!CONNECTORS.contains(word.group(1))) {
						stopAt = word.start();
						break;
					}
				}
			}
			if (comma < 0 || comma > stopAt) {
				return trimEnd(text, from, stopAt);
			}
			int next = comma + 1;
			while (next < text.length() && text.charAt(next) == ' ') {
				next++;
			}
			if (next >= text.length() || !(Character.isUpperCase(text.charAt(next)) || connectsName(text, next))) {
				return trimEnd(text, from, comma);
			}
			i = next;
		}
	}

	/** "…, de la Coopération africaine": after a comma, a connector and a capital carry a name on. */
	private static boolean connectsName(String text, int at) {
		Matcher m = CONNECTED.matcher(text).region(at, text.length());
		return m.lookingAt();
	}

	private static final Pattern CONNECTED = Pattern.compile("(?:de la|de l'|des|du|de|of the|of|del|de los|de las|della|dei)"
			+ "\\s*\\p{Lu}");

	/** Whether a lower-case word may stand inside a name ("of", "de", "für"...). */
	static boolean isConnector(String word) {
		return CONNECTORS.contains(word.toLowerCase(Locale.ROOT));
	}

	/** The number of leading characters that are honorifics or articles ("His Excellency the", "el señor"). */
	static int honorifics(String folded) {
		int at = 0;
		Matcher m = LEADING.matcher(folded);
		while (at < folded.length() && m.region(at, folded.length()).lookingAt()) {
			at = m.end();
		}
		return at;
	}

	/** Whether a text ends with a connector that carries a name on to the next line ("Director General de la"). */
	static boolean endsWithConnector(String text) {
		String t = text.strip();
		if (t.endsWith("'") || t.endsWith("\u2019")) {
			return true;
		}
		int space = t.lastIndexOf(' ');
		return space >= 0 && isConnector(t.substring(space + 1));
	}

	/** The number of leading characters that are honorifics, then an article ("Sr. ", "The "). */
	static int honorificsAndArticle(String folded) {
		int at = honorifics(folded);
		return at + article(folded.substring(at));
	}

	/** The number of leading characters that are an article or a preposition ("the ", "l'", "al "). */
	static int article(String folded) {
		Matcher m = ARTICLE.matcher(folded);
		return m.lookingAt() ? m.end() : 0;
	}

	/** The role a person holds, e.g. "Prime Minister" for "HUN Sen, Prime Minister of the Kingdom of Cambodia". */
	static String role(String person) {
		if (person == null) {
			return null;
		}
		String chosen = null;
		for (String part : person.split(",")) {
			if (ROLE_WORD.matcher(TextFold.fold(part)).find()) {
				chosen = part.strip();
				break;
			}
		}
		if (chosen == null) {
			chosen = person.split(",")[0].strip();
		}
		chosen = chosen.substring(honorifics(TextFold.fold(chosen)));
		Matcher of = OF.matcher(TextFold.fold(chosen));
		return of.find() && of.start() > 0 ? chosen.substring(0, of.start()).strip() : chosen.strip();
	}

	/**
	 * The title of the head of an organisation written in the text (e.g. "Director General"), or {@code null}; a
	 * title that names an office ("Office of the High Commissioner") is not the head.
	 */
	static int[] head(String folded) {
		Matcher m = Formulas.HEAD.matcher(folded);
		while (m.find()) {
			int group = m.group(1) != null ? 1 : (m.group(2) != null ? 2 : 3);
			String before = folded.substring(Math.max(0, m.start() - 60), m.start());
			if (Formulas.OFFICE_OF.matcher(before).find()) {
				continue;
			}
			return new int[] { m.start(group), m.end(group) };
		}
		return null;
	}

	/** Title case for a name written in capitals: "PERMANENT MISSION OF FINLAND" to "Permanent Mission of Finland". */
	static String titleCase(String text) {
		if (!text.equals(text.toUpperCase(Locale.ROOT))) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		String[] words = text.toLowerCase(Locale.ROOT).split(" ");
		for (int i = 0; i < words.length; i++) {
			String w = words[i];
			int apostrophe = Math.max(w.indexOf('\''), w.indexOf('\u2019'));
			if (apostrophe > 0 && apostrophe < w.length() - 1) {
				w = w.substring(0, apostrophe + 1) + capitalise(w.substring(apostrophe + 1));
			}
			else if (i == 0 || !SMALL.contains(w)) {
				w = capitalise(w);
			}
			out.append(i == 0 ? "" : " ").append(w);
		}
		return out.toString();
	}

	private static String capitalise(String w) {
		return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
	}

	private static int trimEnd(String text, int from, int to) {
		int end = to;
		while (end > from && (Character.isWhitespace(text.charAt(end - 1)) || ",;:".indexOf(text.charAt(end - 1)) >= 0)) {
			end--;
		}
		return end;
	}

}
