package org.valise.intake.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the documents a note transmits ("has the honour to transmit herewith a letter ...", "... is enclosed",
 * "Encl.: ..."), reads each with {@link EnclosureGrammar}, and completes them from the enclosed text itself when it
 * follows the note (its place, date and gist).
 */
final class EnclosureExtractor {

	/** An enclosure found, with the span of the phrase that describes it. */
	record Found(Enclosure enclosure, EnclosureGrammar.Draft draft, Span span) {
	}

	/** A document enclosed after the note: its dateline and its body paragraphs. */
	record Enclosed(LocalDate date, String place, List<Layout.Paragraph> body) {
	}

	private static final Pattern ACTIVE = Pattern.compile("\\b(?:transmit|forward|enclose|submit|attach|send|convey|present)"
			+ "s?(?:\\s+(?:to\\s+the\\s+latter|to\\s+it|to\\s+the\\s+organi[sz]ation|to\\s+you))?\\s*,?\\s+(?:herewith|herein"
			+ "|hereto|hereby|attached|enclosed|as an attachment)\\s*,?\\s+|\\bencloses?\\s+|\\bplease find (?:enclosed"
			+ "|attached|herewith)\\s+|\\b(?:faire tenir|transmettre|remettre|communiquer|adresser|faire parvenir|joindre)"
			+ "\\s+(?:ci-joint(?:e|s|es)?|ci-inclus(?:e|es)?|en annexe|sous ce pli|sous pli|en piece jointe)\\s*,?\\s+"
			+ "|\\btrouvera ci-joint(?:e|s|es)?\\s+|\\b(?:remitir(?:le|les)?|transmitir(?:le|les)?|hacer(?:le)? llegar"
			+ "|adjuntar|enviar(?:le)?|acompanar)\\s*,?\\s+(?:adjunt[oa]s?|anex[oa]s?|junto a la presente|con la presente)"
			+ "\\s*,?\\s+|\\bse adjuntan?\\s+");

	private static final Pattern PASSIVE = Pattern.compile("\\s+(?:is|are)\\s+(?:hereby\\s+|also\\s+)?(?:enclosed|attached)\\b"
			+ "|\\s+(?:est|sont)\\s+(?:ci-)?(?:jointe?s?|annexee?s?)\\b|\\s+(?:va|van)\\s+(?:adjunt[oa]s?|anex[oa]s?)\\b");

	private static final Pattern ITEM = Pattern.compile("\\(?\\s*(?:[ivx]{1,4}|[a-h]|\\d{1,2})\\s*\\)\\s*|(?:[a-h]|\\d{1,2})\\.\\s+|[-\u2022]\\s+");

	private static final Pattern BARE_ENCL = Pattern.compile("(?:\\d+|one|two|three|a/s|as stated|as mentioned|as above"
			+ "|lo (?:indicado|mencionado|citado)|(?:une|deux|trois)\\s+lettres?|\\d+\\s+(?:letters?|lettres?|cartas?|pages?"
			+ "|documents?))\\s*(?:\\(.*\\))?\\.?");

	private static final Pattern CONCERNED = Pattern.compile("\\bthe (\\w+) concerned\\b");

	private static final Pattern GOVERNMENT = Pattern.compile("\\b(?:ministry|ministere|ministerio|government|gouvernement"
			+ "|gobierno|embassy|ambassade|embajada|presidency|presidence|presidencia)\\s+(?:of|for|de|du|des|del)\\b");

	private EnclosureExtractor() {
	}

	static List<Found> extract(Anatomy a, String language, String sender, String recipient) {
		List<Found> found = new ArrayList<>();
		List<Layout.Paragraph> body = a.body;
		for (int pi = 0; pi < body.size(); pi++) {
			Layout.Paragraph p = body.get(pi);
			for (int[] s : Sentences.split(p.text())) {
				Matcher active = ACTIVE.matcher(p.folded()).region(s[0], s[1]);
				Matcher passive = PASSIVE.matcher(p.folded()).region(s[0], s[1]);
				if (active.find()) {
					String np = p.folded().substring(active.end(), s[1]).strip();
					if (np.endsWith(":") || np.matches("(?:the|les|las|los) (?:following|suivantes?|siguientes?).*")) {
						for (int j = pi + 1; j < body.size(); j++) {
							Layout.Paragraph q = body.get(j);
							Matcher item = ITEM.matcher(q.folded());
							if (!item.lookingAt()) {
								break;
							}
							add(found, q, item.end(), q.text().length(), language);
						}
					}
					else {
						add(found, p, active.end(), s[1], language);
					}
				}
				else if (passive.find()) {
					int from = s[0];
					int comma = p.folded().indexOf(", ", from);
					if (comma > 0 && comma < passive.start()
							&& p.folded().substring(comma + 2).matches("(?:a|an|the|une|un|la|le|el|una) .*")) {
						from = comma + 2;
					}
					add(found, p, from, passive.start(), language);
				}
			}
		}
		String encl = enclosureLine(a);
		if (encl != null && found.size() <= 1) {
			if (found.isEmpty()) {
				found.add(new Found(new Enclosure(encl, null, null), null, null));
			}
			else if (!found.get(0).draft().communication()) {
				Found f = found.get(0);
				found.set(0, new Found(new Enclosure(encl, f.enclosure().author(), null), f.draft(), f.span()));
			}
		}
		return complete(found, a, language, sender, recipient);
	}

	private static void add(List<Found> found, Layout.Paragraph p, int from, int to, String language) {
		EnclosureGrammar.Draft d = EnclosureGrammar.parse(p.text(), p.folded(), from, to, language);
		found.add(new Found(new Enclosure(d.title(), d.author(), d.addressee()), d, p.flow().span(d.start(), d.end())));
	}

	private static String enclosureLine(Anatomy a) {
		for (Layout.Line line : a.enclosureLines) {
			Matcher m = Anatomy.ENCL.matcher(line.folded().strip());
			if (m.matches() && !BARE_ENCL.matcher(m.group(1)).matches()) {
				String desc = line.text().strip().substring(m.start(1));
				return desc.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
			}
		}
		return null;
	}

	private static List<Found> complete(List<Found> found, Anatomy a, String language, String sender, String recipient) {
		Enclosed enclosed = found.size() == 1 ? EnclosedReader.read(a) : null;
		String government = government(a, sender);
		List<Found> out = new ArrayList<>();
		for (Found f : found) {
			EnclosureGrammar.Draft d = f.draft();
			String title = f.enclosure().title();
			String author = f.enclosure().author() == null ? government : f.enclosure().author();
			String addressee = f.enclosure().addressee();
			if (d != null && d.communication()) {
				StringBuilder t = new StringBuilder(d.kind());
				if (d.date() != null) {
					t.append("fr".equals(language) ? " du " : ("es".equals(language) ? " de fecha " : " dated "))
						.append(DateExtractor.format(d.date(), language));
				}
				String gist = enclosed == null ? null : EnclosedReader.gist(enclosed);
				if (d.subject() != null) {
					t.append(' ').append(d.subject());
				}
				else if (gist != null) {
					t.append("fr".equals(language) ? " indiquant que " : ("es".equals(language) ? " en la que se indica que "
							: " stating that ")).append(gist);
				}
				if (enclosed != null && enclosed.date() != null) {
					t.append(" (").append(enclosed.place() == null ? "" : enclosed.place() + ", ")
						.append(DateExtractor.format(enclosed.date(), language)).append(')');
				}
				title = t.toString();
				addressee = addressee == null ? recipient : addressee;
			}
			if (d != null && !d.communication() && title != null) {
				title = resolve(title, a);
			}
			out.add(new Found(new Enclosure(title, author, addressee), d, f.span()));
		}
		return out;
	}

	/**
	 * Replaces "the nationals concerned" in a title by what the body said of them earlier ("the Kenyan nationals
	 * stranded in Port Sudan"), so that the title stands on its own.
	 */
	private static String resolve(String title, Anatomy a) {
		Matcher concerned = CONCERNED.matcher(TextFold.fold(title));
		if (!concerned.find()) {
			return title;
		}
		Pattern earlier = Pattern.compile("((?:\\p{Lu}[\\p{L}-]+ )?" + Pattern.quote(title.substring(concerned.start(1),
				concerned.end(1))) + ")(?: (?:who|which|that) (?:are|were|have been|is|was))? ((?:\\p{Ll}+ed|affected|held)"
				+ "(?: (?:in|at|from|on|to|by) (?:the )?\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*)*)?)");
		for (Layout.Paragraph p : a.body) {
			Matcher m = earlier.matcher(p.text());
			if (m.find()) {
				return title.substring(0, concerned.start()) + "the " + m.group(1) + " " + m.group(2)
						+ title.substring(concerned.end());
			}
		}
		return title;
	}

	/** The first ministry, government or embassy named in the body, other than the sender: the default author. */
	private static String government(Anatomy a, String sender) {
		for (Layout.Paragraph p : a.body) {
			Matcher m = GOVERNMENT.matcher(p.folded());
			while (m.find()) {
				String name = p.text().substring(m.start(), Names.end(p.text(), p.folded(), m.start(), true));
				if (sender == null || !TextFold.fold(sender).contains(TextFold.fold(name))) {
					return name;
				}
			}
		}
		return sender;
	}

}
