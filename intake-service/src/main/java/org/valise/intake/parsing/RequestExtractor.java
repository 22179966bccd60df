package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarises in English what a document asks of the organisation: it finds the request formulas ("would be grateful
 * if ...", "requests the Department to ...", "saurait gré à l'Organisation de ...", "agradecería ... se sirva ..."),
 * keeps what is asked, turns passives into imperatives, names the letters referred to, gives requests in the other eight
 * languages in English through the {@link Glossary}, and follows a short request with its {@link RequestContext}.
 */
final class RequestExtractor {

	/** A value and where it came from. */
	record Found(String value, Span span) {
	}

	private static final Pattern[] CUES = { Formulas.folded("\\b(?:would|should|shall) (?:also |therefore |further )?be (?:\\w+ ){0,2}?(?:grateful|obliged"
			+ "|thankful|appreciative|appreciated|pleased) if |\\bwould (?:\\w+ )?appreciate (?:it )?if "
			+ "|\\b(?:kindly )?requests? that (?=.{3,200}?\\bbe \\w+ed\\b)"),
			Formulas.folded("\\b(?:would|should) (?:also |therefore |further )?be (?:\\w+ ){0,2}?(?:grateful|pleased|obliged) (?:to (?:receive|have|obtain) "
					+ "|for (?=an? |the ))|\\bwould (?:\\w+ )?appreciate (?:receiving|having|getting) "),
			Formulas.folded("\\bwould (?:\\w+ )?(?:appreciate|welcome) |\\bhas the hono(?:u)?r to (?:request|seek|solicit) "
					+ "|\\b(?:i|we) (?:would like to |therefore |hereby |also ){0,2}(?:request|ask for|seek) "),
			Formulas.folded("\\b(?:requests?|asks?|invites?|urges?|calls? upon) (?:.{1,60}? )?to "
					+ "|\\bproposes? that |^(?:please|kindly) "),
			Formulas.folded("\\bsaurai(?:t|ent) gre (?:a|au|aux) .{1,80}? de (?:bien vouloir )?|\\bserai(?:t|ent) (?:tres )?"
					+ "reconnaissante?s? (?:a|au|aux) .{1,80}? de (?:bien vouloir )?|\\b(?:prie|invite) .{1,60}? de (?:bien vouloir )?"
					+ "|\\b(?:a l'honneur de|me permets de|nous permettons de) (?:solliciter|demander) |\\bje (?:sollicite|vous saurais gre de|vous prie de) "),
			Formulas.folded("\\bagradecer(?:ia|a)n?,? (?:asimismo, |tambien |ademas, )?(?:al? .{1,80}? )?(?:que )?(?:tengan? a bien|tuvieran? a bien|se sirvan?|quieran?|puedan?"
					+ "|consideren?) |\\bagradecer(?:ia|a)n? |(?<!cual |que |quien )\\b(?:solicita|ruega) (?:a .{1,60}? )?(?:que )?"
					+ "|\\b(?:tiene el honor de|me permito|nos permitimos) solicitar "),
			Formulas.folded("\\b(?:muito )?agrade(?:ceri(?:a|am)|ce|cem) (?:antecipadamente )?(?:(?:a|à|ao) .{1,80}? )?(?:que|se) (?:a .{1,60}? )?"
					+ "|\\btem a honra de (?:solicitar|convidar) |\\bsolicita(?:m)?,? (?:com .{1,40}?,? )?(?:que )?"),
			Formulas.folded("\\bsarebbe (?:\\w+ )?grat[oa] (?:(?:a|al|alla)\\s|all').{1,80}? se (?:volesse )?(?:cortesemente )?"
					+ "|\\b(?:le )?sarei (?:\\w+ )?grat[oa] se (?:volesse )?|\\bprega .{1,60}? di "),
			Formulas.folded("\\bwa(?:re|ren) (?:\\w+ ){0,3}?dankbar,? wenn |\\bbitte[tn]? (?:\\w+ ){0,4}?(?:um |, )"),
			Formulas.folded("\\bбудет признательн\\p{L}* (?:\\p{L}+ ){0,3}?за |\\bпрос(?:ит|ят) "),
			Formulas.folded("(?:[وف]?(?:ترجو|يرجو|أرجو|نرجو)) (?:.{0,60}? )?التكرم ب"),
			Formulas.folded("请(?=.{2,})") };

	/** For each request formula, words one of which every wording of it holds: a sentence without any is skipped. */
	private static final String[][] CUE_WORDS = { words("grateful obliged thankful appreciat pleased request"),
			words("grateful pleased obliged appreciat"), words("appreciat welcome honour honor request ask seek"),
			words("request ask invite urge call propose please kindly"),
			words("gre reconnaissant prie invite honneur sollicit"), words("agradec solicit ruega honor"),
			words("agrade honra solicit"), words("grat prega"), words("dankbar bitte"), words("признательн прос"),
			words("ترجو يرجو أرجو نرجو"), words("请") };

	private static String[] words(String words) {
		String[] out = words.split(" ");
		for (int i = 0; i < out.length; i++) {
			out[i] = TextFold.fold(out[i]);
		}
		return out;
	}

	private static boolean mayHold(String region, String[] words) {
		for (String w : words) {
			if (region.contains(w)) {
				return true;
			}
		}
		return false;
	}

	private static final Pattern WHEN = Pattern.compile("(until then|in the meantime|meanwhile|jusque-la|d'ici la"
			+ "|entre-temps|mientras tanto|hasta entonces),\\s");

	private RequestExtractor() {
	}

	static Found extract(Segments a, String language, List<EnclosureExtractor.Found> enclosures, String head) {
		List<String> clauses = new ArrayList<>();
		Layout.Paragraph asking = null;
		int start = Integer.MAX_VALUE;
		int end = -1;
		String source = a.layout.clean().source();
		for (Layout.Paragraph p : a.body) {
			if (a.type == DocType.NOTE_VERBALE && Formulas.find(Formulas.CLOSING, p.folded()) != null && p != a.opening) {
				continue;
			}
			for (int[] s : Sentences.split(p.text())) {
				List<String> found = clauses(p.text(), p.folded(), s[0], s[1]);
				Matcher when = WHEN.matcher(p.folded()).region(s[0], s[1]);
				for (int i = 0; i < found.size(); i++) {
					String clause = RequestWording.polish(found.get(i), language, enclosures, head);
					if (i == 0 && when.lookingAt()) {
						clause += " " + Glossary.translate(p.text().substring(when.start(1), when.end(1)).toLowerCase(), language);
					}
					clauses.add(RequestWording.informed(clause, a, language));
				}
				if (!found.isEmpty()) {
					asking = asking == null ? p : asking;
					Span span = p.flow().span(s[0], s[1]);
					start = Math.min(start, span.start());
					end = Math.max(end, span.end());
				}
			}
		}
		for (EnclosureExtractor.Found f : enclosures) {
			EnclosureGrammar.Draft d = f.draft();
			if (d != null && d.communication() && d.addressee() == null && !clauses.isEmpty()) {
				clauses.add(0, "consider the enclosed " + Glossary.translate(d.kind(), language));
				break;
			}
		}
		if (clauses.isEmpty()) {
			return null;
		}
		String ask = RequestWording.letterAsk(a, language, enclosures);
		String request = String.join("; ", clauses);
		String context = request.split("\\s+").length >= RequestContext.SAYS_ENOUGH ? null
				: RequestContext.before(a, asking, language);
		String value = request + (ask == null ? "" : "; the letter asks for " + ask)
				+ (context == null ? "" : " (" + context + ")");
		return new Found(value, new Span(start, end, source.substring(start, end)));
	}

	/** The clauses asked in a sentence, one per request formula, each reduced to what is asked. */
	private static List<String> clauses(String text, String folded, int from, int to) {
		List<String> out = new ArrayList<>();
		int[] cue = cue(folded, from, to);
		while (cue != null) {
			int[] next = cue(folded, cue[2], to);
			int clauseEnd = next == null ? to : next[1];
			String rest = text.substring(cue[2], clauseEnd).replaceAll("(?:,?\\s*\\b(?:and|et|y))?[\\s,;]*$", "").strip();
			String f = TextFold.fold(rest);
			if (!rest.isEmpty()) {
				if (cue[0] == 0 || (cue[0] == 3 && f.matches(".*\\b(?:be|were) \\w+ed\\b.*"))) {
					out.add(RequestWording.activate(rest, f));
				}
				else {
					out.add(cue[0] == 1 ? "send " + rest : rest);
				}
			}
			cue = next;
		}
		return out;
	}

	/** The earliest request formula in the range: {which, start, end}, or {@code null}. */
	private static int[] cue(String folded, int from, int to) {
		int[] best = null;
		String region = folded.substring(from, to);
		for (int i = 0; i < CUES.length; i++) {
			if (!mayHold(region, CUE_WORDS[i])) {
				continue;
			}
			Matcher m = CUES[i].matcher(folded).region(from, to);
			if (m.find() && (best == null || m.start() < best[1])) {
				best = new int[] { i, m.start(), m.end() };
			}
		}
		return best;
	}

}
