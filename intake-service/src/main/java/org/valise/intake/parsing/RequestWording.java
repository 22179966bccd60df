package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a request the way a registry summary does: passives become imperatives ("convey the letter ..."), "the said
 * document" becomes the letter it is ("the Prime Minister's letter"), the head is named after "highest destination",
 * "the information in this note" is said, and French or Spanish is put into English.
 */
final class RequestWording {

	private static final Pattern AUX = Pattern.compile("\\b(?:(?:could|would|might|can|will|may|should)(?: kindly| please"
			+ "| also| further)?(?: (be))?|(were|was|is|are|be))\\s+");

	private static final Pattern ANAPHOR = Pattern.compile("\\bthe (?:said|above-mentioned|aforementioned|enclosed|attached)"
			+ " (?:document|letter|communication)s?\\b|\\bthis letter\\b");

	private static final Pattern ASKING_LETTER = Pattern.compile("\\b(?:je sollicite|solicita|sollicite|requests|asks for"
			+ "|seeks|solicito) ");

	private static final Pattern INFORMS = Pattern.compile("\\bhas the hono(?:u)?r to inform (?:\\S+ ){0,4}?that "
			+ "|\\ba l'honneur d'informer (?:\\S+ ){0,4}?que |\\btiene el honor de (?:informar|comunicar)(?:le)? (?:\\S+ ){0,4}?que ");

	private static final Pattern THE_INFORMATION = Pattern.compile("\\b(?:the|this) information(?: in this note)?\\b");

	private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("kept", "keep"), Map.entry("sent", "send"),
			Map.entry("held", "hold"), Map.entry("given", "give"), Map.entry("made", "make"), Map.entry("brought", "bring"),
			Map.entry("taken", "take"), Map.entry("paid", "pay"), Map.entry("met", "meet"), Map.entry("put", "put"),
			Map.entry("set", "set"), Map.entry("done", "do"), Map.entry("shared", "share"), Map.entry("settled", "settle"));

	/** "keep the information in this note confidential": says which information, from "has the honour to inform". */
	static String informed(String clause, Segments a, String language) {
		Matcher information = THE_INFORMATION.matcher(clause);
		if (a.opening == null || !information.find()) {
			return clause;
		}
		Matcher informs = INFORMS.matcher(a.opening.folded());
		if (!informs.find()) {
			return clause;
		}
		int end = a.opening.text().length();
		for (int[] s : Sentences.split(a.opening.text())) {
			if (s[0] <= informs.start() && informs.end() <= s[1]) {
				end = s[1];
			}
		}
		String what = Glossary.translate(a.opening.text().substring(informs.end(), end), language);
		return clause.substring(0, information.end()) + " (" + what + ")" + clause.substring(information.end());
	}

	/** "the said document could be conveyed to X" becomes "convey the said document to X". */
	static String activate(String rest, String folded) {
		Matcher aux = AUX.matcher(folded);
		if (!aux.find() || aux.start() > 120) {
			return rest;
		}
		String subject = rest.substring(0, aux.start()).strip();
		String after = rest.substring(aux.end());
		boolean passive = aux.group(1) != null || aux.group(2) != null;
		if (!passive) {
			return after;
		}
		int space = after.indexOf(' ');
		String participle = space < 0 ? after : after.substring(0, space);
		String tail = space < 0 ? "" : after.substring(space);
		tail = tail.replaceAll("\\band (\\w+ed)\\b", "and \u0000$1");
		StringBuilder out = new StringBuilder(lemma(participle)).append(' ').append(subject).append(tail);
		int mark;
		while ((mark = out.indexOf("\u0000")) >= 0) {
			int wordEnd = mark + 1;
			while (wordEnd < out.length() && Character.isLetter(out.charAt(wordEnd))) {
				wordEnd++;
			}
			out.replace(mark, wordEnd, lemma(out.substring(mark + 1, wordEnd)));
		}
		return out.toString();
	}

	/** Dates written in the note's language ("9 de dezembro de 2022", "٢٠ مايو ٢٠٢٢") written in English. */
	static String englishDates(String clause) {
		List<DateExtractor.Found> dates = DateExtractor.findAll(TextFold.fold(clause));
		if (dates.isEmpty()) {
			return clause;
		}
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (DateExtractor.Found d : dates) {
			out.append(clause, at, d.start()).append(DateExtractor.format(d.date(), "en"));
			at = d.end();
		}
		return out.append(clause.substring(at)).toString();
	}

	static String lemma(String participle) {
		String w = participle.toLowerCase();
		if (IRREGULAR.containsKey(w)) {
			return IRREGULAR.get(w);
		}
		if (w.endsWith("ied")) {
			return w.substring(0, w.length() - 3) + "y";
		}
		if (!w.endsWith("ed") || w.length() < 5) {
			return w;
		}
		String stem = w.substring(0, w.length() - 2);
		int n = stem.length();
		if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnprt".indexOf(stem.charAt(n - 1)) >= 0) {
			return stem.substring(0, n - 1);
		}
		if (Lexicon.isWord(stem + "e") || stem.matches(".*(?:at|iz|is|ur|ar|ir|ag|[cgsvz])$")) {
			return stem + "e";
		}
		return stem;
	}

	static String polish(String clause, String language, List<EnclosureExtractor.Found> enclosures, String head) {
		String english = Glossary.translate(englishDates(clause), language).replaceAll("[.;,:]+$", "");
		String highest = null;
		Matcher original = Formulas.HIGHEST_DESTINATION.matcher(TextFold.fold(clause));
		if (original.find() && !"en".equals(language)) {
			int from = TextFold.fold(clause).lastIndexOf(' ', Math.max(0, original.start() - 5)) + 1;
			highest = clause.substring(from, original.end());
		}
		if (!enclosures.isEmpty() && enclosures.get(0).enclosure().author() != null) {
			Enclosure e = enclosures.get(0).enclosure();
			String kind = enclosures.get(0).draft() == null ? "letter"
					: Glossary.translate(enclosures.get(0).draft().kind(), language);
			String role = Glossary.translate(Names.role(e.author()), language);
			english = ANAPHOR.matcher(english).replaceFirst("the " + role + "'s " + kind);
		}
		Matcher eng = Formulas.HIGHEST_DESTINATION.matcher(TextFold.fold(english));
		if (eng.find()) {
			int at = eng.end();
			Matcher org = Pattern.compile("^ of the organi[sz]ation").matcher(TextFold.fold(english.substring(at)));
			at += org.find() ? org.end() : 0;
			String note = (highest == null ? "" : " ('" + highest + "')")
					+ (head == null ? "" : " (the " + Glossary.translate(head, language) + ")");
			english = english.substring(0, at) + note + english.substring(at);
		}
		String folded = TextFold.fold(english);
		if (enclosures.size() > 1 && folded.matches(".*\\beach\\b.*") && folded.contains("addressee")) {
			List<String> items = new ArrayList<>();
			String[] numerals = { "i", "ii", "iii", "iv", "v", "vi" };
			for (int i = 0; i < enclosures.size() && i < numerals.length; i++) {
				Enclosure e = enclosures.get(i).enclosure();
				items.add("(" + numerals[i] + ") the " + Names.role(e.author()) + "'s letter to the "
						+ Names.role(e.addressee()));
			}
			english = english + ": " + String.join(", ", items);
		}
		return english;
	}

	static String letterAsk(Segments a, String language, List<EnclosureExtractor.Found> enclosures) {
		if (enclosures.size() != 1) {
			return null;
		}
		EnclosureGrammar.Draft d = enclosures.get(0).draft();
		if (d != null && d.subject() != null) {
			Matcher m = ASKING_LETTER.matcher(TextFold.fold(d.subject()));
			if (m.find()) {
				return Glossary.translate(d.subject().substring(m.end()), language);
			}
		}
		EnclosureExtractor.Enclosed enclosed = EnclosedReader.read(a);
		for (Layout.Paragraph p : enclosed == null ? List.<Layout.Paragraph>of() : enclosed.body()) {
			Matcher m = ASKING_LETTER.matcher(p.folded());
			if (m.find()) {
				int end = p.text().indexOf(',', m.end());
				int stop = p.text().indexOf('.', m.end());
				end = end < 0 ? stop : (stop < 0 ? end : Math.min(end, stop));
				return Glossary.translate(p.text().substring(m.end(), end < 0 ? p.text().length() : end), language);
			}
		}
		return null;
	}

	private RequestWording() {
	}

}
