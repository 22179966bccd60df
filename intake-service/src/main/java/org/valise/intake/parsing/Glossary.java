package org.valise.intake.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry officer's glossary of the words notes use to ask for something, from each of the eight other languages
 * into English ({@code glossary/<language>.txt} beside this class: request verbs and nouns, the vocabulary of
 * diplomatic correspondence and of the organisations' work), used to give the gist of a request in English. Words are
 * looked up by their {@link WordForms form} (folded; Russian without its ending, Arabic without its article and
 * clitics), the longest phrase first; Chinese, written without spaces, by the longest entry at each character. Words
 * it does not know (names, places) are kept as written.
 */
final class Glossary {

	private static final List<String> LANGUAGES = List.of("fr", "es", "pt", "it", "de", "ru", "ar", "zh");

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+['\u2019](?=\\p{L})"
			+ "|[\\p{L}\\p{M}\\p{N}]+(?:[-'\u2019][\\p{L}\\p{M}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}]");

	private Glossary() {
	}

	/**
	 * The tables, loaded when first used: a holder of its own, so that they are read once every constant of the
	 * glossary (the token pattern their keys are split with) is set, whatever the order of the declarations.
	 */
	private static final class Tables {

		static final Map<String, Table> BY_LANGUAGE = load();

		private static Map<String, Table> load() {
			Map<String, Table> tables = new HashMap<>();
			for (String language : LANGUAGES) {
				tables.put(language, Table.load(language));
			}
			return Map.copyOf(tables);
		}

	}

	/** The English gist of a phrase in the language given; English (or any other) text is returned as it is. */
	static String translate(String text, String language) {
		Table table = Tables.BY_LANGUAGE.get(language);
		if (table == null || text == null) {
			return text;
		}
		List<String> out = "zh".equals(language) ? table.han(text) : table.words(text, language);
		return String.join(" ", out).replaceAll("\\ba ([aeiouAEIOU])", "an $1").replaceAll(" ([,.;:)])", "$1")
			.replaceAll("\\( ", "(").replaceAll("\\s+", " ").strip();
	}

	/** One language's entries, keyed by the forms of their words joined by a space (Chinese: as written). */
	private record Table(Map<String, String> entries, int longest) {

		static Table load(String language) {
			Map<String, String> entries = new HashMap<>();
			int longest = 1;
			String name = "glossary/" + language + ".txt";
			try (InputStream in = Glossary.class.getResourceAsStream(name)) {
				if (in == null) {
					throw new IllegalStateException("No " + name + " beside " + Glossary.class.getName());
				}
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					for (String entry : line.split("\\|")) {
						int eq = entry.indexOf('=');
						String key = "zh".equals(language) ? entry.substring(0, eq).strip() : key(entry.substring(0, eq), language);
						entries.put(key, entry.substring(eq + 1).strip());
						longest = Math.max(longest, "zh".equals(language) ? key.length() : key.split(" ").length);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Table(Map.copyOf(entries), longest);
		}

		private static String key(String phrase, String language) {
			if (!"ru".equals(language) && !"ar".equals(language)) {
				return TextFold.fold(phrase.strip()).replaceAll("\\s+", " ");
			}
			List<String> forms = new ArrayList<>();
			Matcher m = TOKEN.matcher(phrase.strip());
			while (m.find()) {
				forms.add(WordForms.form(m.group(), language));
			}
			return String.join(" ", forms);
		}

		/** Word by word, the longest phrase known first; an adjective marked ^ goes before the noun it follows. */
		List<String> words(String text, String language) {
			List<String> tokens = new ArrayList<>();
			List<String> forms = new ArrayList<>();
			Matcher m = TOKEN.matcher(text);
			while (m.find()) {
				tokens.add(m.group());
				forms.add(WordForms.form(m.group(), language));
			}
			List<String> out = new ArrayList<>();
			boolean previousNoun = false;
			for (int i = 0; i < tokens.size();) {
				String value = null;
				int used = 1;
				for (int n = Math.min(this.longest, tokens.size() - i); n >= 1 && value == null; n--) {
					value = this.entries.get(String.join(" ", forms.subList(i, i + n)));
					used = n;
				}
				for (String variant : value == null ? WordForms.variants(forms.get(i), language) : List.<String>of()) {
					value = value == null ? this.entries.get(variant) : value;
				}
				i += used;
				if (value != null && value.equals("for") && i < tokens.size() && isInfinitive(forms.get(i), language)) {
					value = "to";
				}
				if (value == null) {
					out.add(tokens.get(i - 1));
					previousNoun = false;
				}
				else if (value.startsWith("^") && previousNoun && !out.isEmpty()) {
					out.add(out.size() - 1, value.substring(1));
					previousNoun = false;
				}
				else if (!value.isEmpty()) {
					out.add(value.replace("^", ""));
					previousNoun = !value.startsWith("^") && Character.isLowerCase(value.charAt(0)) && !value.contains(" ")
							&& !Lexicon.isStopword(value) && !value.equals("a");
				}
			}
			return out;
		}

		/** Chinese: at each character the longest entry that starts there; characters without one are kept. */
		List<String> han(String text) {
			List<String> out = new ArrayList<>();
			StringBuilder unknown = new StringBuilder();
			for (int i = 0; i < text.length();) {
				String value = null;
				int used = 1;
				for (int n = Math.min(this.longest, text.length() - i); n >= 1 && value == null; n--) {
					value = this.entries.get(text.substring(i, i + n));
					used = n;
				}
				if (value == null) {
					char c = text.charAt(i);
					boolean word = Character.isLetterOrDigit(c) && !Character.isIdeographic(c);
					if (Character.isWhitespace(c) || (word && unknown.length() > 0
							&& !Character.isLetterOrDigit(unknown.charAt(unknown.length() - 1)))) {
						flush(unknown, out);
					}
					if (!Character.isWhitespace(c)) {
						unknown.append(c);
					}
					i++;
					continue;
				}
				flush(unknown, out);
				if (!value.isEmpty()) {
					out.add(value);
				}
				i += used;
			}
			flush(unknown, out);
			return out;
		}

		private static void flush(StringBuilder unknown, List<String> out) {
			if (unknown.length() > 0) {
				out.add(unknown.toString());
				unknown.setLength(0);
			}
		}

	}

	private static boolean isInfinitive(String form, String language) {
		if ("ru".equals(language) || "ar".equals(language)) {
			return false;
		}
		return form.length() > 4 && ("fr".equals(language) ? form.matches(".*(?:er|ir|re)") : form.matches(".*(?:ar|er|ir)"));
	}

}
