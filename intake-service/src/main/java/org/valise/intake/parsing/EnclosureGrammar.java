package org.valise.intake.parsing;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the noun phrase that describes an enclosed document, as notes write it: "a letter [dated ...] from/of
 * AUTHOR, addressed to ADDRESSEE, SUBJECT", "une lettre de ..., adressée à ..., relative à ...", "la carta que
 * AUTHOR dirige a ADDRESSEE, mediante la cual ...", or "a list of ..., prepared by AUTHOR".
 */
final class EnclosureGrammar {

	/** What the phrase says of the document; offsets are in the paragraph's flowing text. */
	record Draft(String kind, boolean communication, LocalDate date, String title, String author, String addressee,
			String subject, int start, int end) {
	}

	private static final Pattern DETERMINER = Pattern.compile("\\s*(?:(?:a|an|the|one|un|une|le|la|les|l'|el|los|las|una|uno)"
			+ "\\s+|l')?(?:(?:certified |true )?cop(?:y|ie|ia)\\s+(?:of|de)\\s+(?:the\\s+|la\\s+|le\\s+|l'|el\\s+)?)?");

	private static final Pattern KIND_END = Pattern.compile("\\s+(?:dated|datee|of|from|de|del|du|des|by|que|on|concerning"
			+ "|regarding|sur|sobre|relative|relatif|relativa|en date|de fecha|addressed|adressee|dirigida)\\b|,|\\s+\\(|:");

	private static final Pattern COMMUNICATION = Pattern.compile("(?:letters?|message|notes?(?: verbales?)?|comments"
			+ "|observations|memorandum|reply|response|lettres?|commentaires|reponse|cartas?|mensaje|comentarios"
			+ "|observaciones|respuesta|notas?(?: verbal(?:es)?)?|missive|invitation|invitacion|communication)");

	private static final Pattern DATED = Pattern.compile("\\s*,?\\s*(?:dated|of|datee du|du|en date du|de fecha|del|de)\\s+");

	private static final Pattern AUTHOR_INTRO = Pattern.compile("\\s*,?\\s*(?:from|of|by|signed by|de la|de l'|des|du|de|del"
			+ "|que|signee par|firmada por|do|da|della|dello|del|von|des)\\s+|\\s*,?\\s*d'");

	private static final Pattern ADDRESSEE_INTRO = Formulas.folded("\\s*,?\\s*(?:addressed to|adressee?s?\\s+a|dirigee?s?\\s+a"
			+ "|destinee?s?\\s+a|dirigid[ao]s?\\s+al?|dirigen?\\s+al?|envian?\\s+al?|remiten?\\s+al?|dirigid[ao]s?\\s+(?:a|ao|à)"
			+ "|indirizzat[ao]\\s+(?:a|al|alla)|gerichtet an|на имя|в адрес|адресованн\\p{L}*|(?:و?الموجه(?:ة)?\\s+)?إلى)\\s+");

	/** Russian and Arabic name the kind of document first and its author right after, without a preposition. */
	private static final Pattern KIND_FIRST = Formulas.folded("(письм[оа]|нот[ауы]|послание|обращение|رسالة|الرسالة|مذكرة|خطاب)\\s+"
			+ "(?:(?:г-на|г-жи|господина|госпожи|سعادة|معالي|فخامة|السيد|السيدة)\\s+)?");

	private static final Pattern OF_NAME = Pattern.compile("\\s+of\\s+(?:the\\s+)?(?=\\p{Lu})");

	private static final Pattern BY_AFTER = Pattern.compile("\\s*,?\\s*by\\s+");

	private static final Pattern BY = Pattern.compile(",?\\s+(?:prepared|drawn up|compiled|signed|issued|established|written)"
			+ " by\\s+|,?\\s+(?:etablie?s?|preparee?s?|redigee?s?) par\\s+|,?\\s+(?:preparad[oa]s?|elaborad[oa]s?) por\\s+");

	private EnclosureGrammar() {
	}

	static Draft parse(String text, String folded, int from, int to, String language) {
		String t = text.substring(0, to);
		String f = folded.substring(0, to);
		int i = from;
		Matcher det = DETERMINER.matcher(f).region(i, to);
		if (det.lookingAt()) {
			i = det.end();
		}
		int start = i;
		Matcher kindEnd = KIND_END.matcher(f).region(i, to);
		int k = kindEnd.find() ? kindEnd.start() : to;
		String kind = t.substring(i, k).strip();
		boolean communication = COMMUNICATION.matcher(TextFold.fold(kind)).matches();
		boolean strict = "en".equals(language);
		Matcher first = KIND_FIRST.matcher(f).region(i, to);
		if (first.lookingAt()) {
			return kindFirst(t, f, start, first, to);
		}
		if (!communication) {
			Matcher by = BY.matcher(f).region(i, to);
			String author = null;
			int titleEnd = to;
			if (by.find()) {
				titleEnd = by.start();
				int s = by.end() + Names.honorifics(f.substring(by.end()));
				author = t.substring(s, Names.end(t, f, s, strict)).strip();
			}
			String title = t.substring(start, titleEnd).strip().replaceAll("[,;.]+$", "");
			Matcher of = OF_NAME.matcher(t).region(start, titleEnd);
			if (author == null && strict && of.find() && of.start() - start < 40) {
				String body = t.substring(of.end(), Names.end(t, f, of.end(), true)).strip();
				author = body.split("\\s+").length >= 2 ? body : null;
			}
			return new Draft(kind, false, null, title, emptyToNull(author), null, null, start, to);
		}
		i = k;
		LocalDate date = null;
		int[] dated = date(f, i, to);
		if (dated != null) {
			date = DateExtractor.findAll(f.substring(dated[0], dated[1])).get(0).date();
			i = dated[1];
		}
		String author = null;
		Matcher by = AUTHOR_INTRO.matcher(f).region(i, to);
		if (by.lookingAt()) {
			int s = by.end() + Names.honorifics(f.substring(by.end()));
			int e = Names.end(t, f, s, strict);
			author = t.substring(s, e).strip();
			i = e;
			dated = date == null ? date(f, i, to) : null;
			if (dated != null) {
				date = DateExtractor.findAll(f.substring(dated[0], dated[1])).get(0).date();
				i = dated[1];
			}
		}
		String addressee = null;
		Matcher to2 = ADDRESSEE_INTRO.matcher(f).region(i, to);
		if (to2.lookingAt()) {
			int s = to2.end() + (f.startsWith("the ", to2.end()) ? 4 : 0);
			int e = Names.end(t, f, s, strict);
			addressee = t.substring(s, e).strip();
			i = e;
			Matcher byAfter = BY_AFTER.matcher(f).region(i, to);
			if (author == null && byAfter.lookingAt()) {
				int a = byAfter.end() + Names.honorifics(f.substring(byAfter.end()));
				int b = Names.end(t, f, a, strict);
				author = t.substring(a, b).strip();
				i = b;
			}
		}
		String subject = t.substring(i, to).strip().replaceFirst("^[,;:]\\s*", "")
			.replaceAll("(?:[;,]?\\s*(?:and|et|y))?[\\s.;,:]*$", "");
		return new Draft(kind, true, date, null, emptyToNull(author), emptyToNull(addressee), emptyToNull(subject), start,
				to);
	}

	/** "письмо Министра … на имя …", "رسالة سعادة وزير … الموجهة إلى …": kind, author, addressee, subject. */
	private static Draft kindFirst(String t, String f, int start, Matcher first, int to) {
		String kind = t.substring(first.start(1), first.end(1));
		int a = first.end();
		int b = Names.end(t, f, a, false);
		String author = t.substring(a, b).strip();
		int i = b;
		String addressee = null;
		Matcher to2 = ADDRESSEE_INTRO.matcher(f).region(i, to);
		if (to2.lookingAt()) {
			int e = Names.end(t, f, to2.end(), false);
			addressee = t.substring(to2.end(), e).strip();
			i = e;
		}
		String subject = t.substring(i, to).strip().replaceFirst("^[,;:\u060c]\\s*", "").replaceAll("[\\s.;,:]+$", "");
		return new Draft(kind, true, null, null, emptyToNull(author), emptyToNull(addressee), emptyToNull(subject), start,
				to);
	}

	/** The {start, end} of a date introduced by "dated", "of", "du", "de fecha" at {@code at}, or {@code null}. */
	private static int[] date(String f, int at, int to) {
		Matcher intro = DATED.matcher(f).region(at, to);
		if (!intro.lookingAt()) {
			return null;
		}
		for (DateExtractor.Found d : DateExtractor.findAll(f.substring(intro.end(), to))) {
			return d.start() == 0 ? new int[] { intro.end(), intro.end() + d.end() } : null;
		}
		return null;
	}

	private static String emptyToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
