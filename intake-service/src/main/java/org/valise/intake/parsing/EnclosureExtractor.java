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

	private static final Pattern ACTIVE = Formulas.folded("\\b(?:transmit|forward|enclose|submit|attach|send|convey|present)"
			+ "s?(?:\\s+(?:to\\s+the\\s+latter|to\\s+it|to\\s+the\\s+organi[sz]ation|to\\s+you))?\\s*,?\\s+(?:herewith|herein"
			+ "|hereto|hereby|attached|enclosed|as an attachment)\\s*,?\\s+|\\bencloses?\\s+|\\bplease find (?:enclosed"
			+ "|attached|herewith)\\s+|\\bhas the hono(?:u)?r to (?:submit|transmit|forward)\\s+(?=(?:a|an|the)\\s)"
			+ "|\\b(?:faire tenir|transmettre|remettre|communiquer|adresser|faire parvenir|joindre)"
			+ "\\s*,?\\s*(?:ci-joint(?:e|s|es)?|ci-inclus(?:e|es)?|en annexe|sous ce pli|sous pli|en piece jointe)\\s*,?\\s+"
			+ "|\\btrouvera ci-joint(?:e|s|es)?\\s+|\\b(?:remitir(?:le|les)?|transmitir(?:le|les)?|hacer(?:le)? llegar"
			+ "|adjuntar|enviar(?:le)?|acompanar)\\s*,?\\s+(?:adjunt[oa]s?|anex[oa]s?|junto a la presente|con la presente)"
			+ "\\s*,?\\s+|\\bse adjuntan?\\s+"
			+ "|\\b(?:remeter|encaminhar|transmitir|enviar)(?:-lhe|-lhes)?\\s*,?\\s+(?:em anexo|anexa|anexo|junto|junta)\\s*,?\\s+"
			+ "|\\b(?:junta|anexa|envia)-se\\s+|\\bseguem? (?:em )?anex[oa]s?\\s+"
			+ "|\\b(?:trasmettere|inviare|far pervenire)(?:le|gli)?\\s*,?\\s+(?:in allegato|qui unit[oa]|accluso|acclusa|allegat[oa])"
			+ "\\s*,?\\s+|\\bsi (?:allega|allegano|trasmette in allegato)\\s+"
			+ "|\\b(?:beiliegend|anbei|in der anlage)\\s+(?:ubermittelt\\s+|ubersendet\\s+)?"
			+ "|\\b(?:препроводить|направить|передать)(?:\\s+настоящим|\\s+при этом|\\s+прилагаемое)?\\s+"
			+ "|(?:ترفق|ترسل|تحيل)(?:\\s+طيه|\\s+طيا|\\s+إليها)?\\s+");

	private static final Pattern PASSIVE = Formulas.folded("\\s+(?:is|are)\\s+(?:hereby\\s+|also\\s+)?(?:enclosed|attached)\\b"
			+ "|\\s+(?:est|sont)\\s+(?:ci-)?(?:jointe?s?|annexee?s?)\\b|\\s+(?:va|van)\\s+(?:adjunt[oa]s?|anex[oa]s?)\\b"
			+ "|,?\\s+(?:sont|est)\\s+joint(?:e|s|es)?\\s+a la presente\\b|\\s+(?:segue|seguem)\\s+(?:em\\s+)?anex[oa]s?\\b"
			+ "|\\s+(?:e|sono)\\s+allegat[oi]\\b|\\s+(?:liegt|liegen)\\s+(?:bei|anbei)\\b");

	/** Chinese: "转交AUTHOR致ADDRESSEE的信函" (forwards the letter of AUTHOR to ADDRESSEE). */
	private static final Pattern CHINESE = Pattern.compile("(?:转交|附上|送交|转递|转送)(.{2,40}?)致(.{2,40}?)的(信函|函|信|照会|报告)");

	/** "X sets out in the annex to the present note its Y": an enclosure described in the body, by its author. */
	private static final Pattern SETS_OUT = Pattern.compile("(?<author>(?:the )?\\p{Lu}[\\p{L} ,'-]{2,120}?) (?:sets out|set out"
			+ "|presents|reproduces) in the annex(?: to the present (?:note|letter))? (?:its |their |the )?(?<title>[^.;]{3,200})");
	private static final Pattern ITEM = Pattern.compile("\\(?\\s*(?:[ivx]{1,4}|[a-h]|\\d{1,2})\\s*\\)\\s*|(?:[a-h]|\\d{1,2})\\.\\s+|[-\u2022]\\s+");

	private static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:[-\u2013\u2014\u2022\u00b7*]|\\(?[a-h1-9ivx]{1,3}[.)]|[一二三四五六七八九十]、)\\s*(.+)");

	/** An item's author in brackets at its end: "(Office des Tunisiens à l'Étranger)", "（中国疾病预防控制中心提供）". */
	private static final Pattern ITEM_AUTHOR = Pattern.compile("(.+?)\\s*[(\uff08]([^()\uff08\uff09]{3,120}?)(?:提供|编写|出具)?[)\uff09]\\s*[;.,\u3002\uff1b]?\\s*$");

	/** A Chinese document named by its author and kind: "卫生部国际合作司推荐函". */
	private static final Pattern HAN_KIND = Pattern.compile("(\\p{IsHan}{2,40}?)(推荐函|信函|函|简历|名单|清单|报告|方案|说明|照会)");

	private static final Pattern BARE_ENCL = Pattern.compile("(?:\\d+|one|two|three|a/s|as stated|as mentioned|as above"
			+ "|lo (?:indicado|mencionado|citado)|(?:une|deux|trois)\\s+lettres?|\\d+\\s+(?:letters?|lettres?|cartas?|pages?"
			+ "|documents?))\\s*(?:\\(.*\\))?\\.?");

	private static final Pattern CONCERNED = Pattern.compile("\\bthe (\\w+) concerned\\b");

	private static final Pattern GOVERNMENT = Pattern.compile("\\b(?:ministry|ministere|ministerio|government|gouvernement"
			+ "|gobierno|embassy|ambassade|embajada|presidency|presidence|presidencia)\\s+(?:of|for|de|du|des|del)\\b");

	private EnclosureExtractor() {
	}

	static List<Found> extract(Segments a, String language, String sender, String recipient) {
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
		if (found.isEmpty()) {
			for (Layout.Paragraph p : body) {
				Matcher chinese = CHINESE.matcher(p.text());
				Matcher setsOut = SETS_OUT.matcher(p.text());
				if (chinese.find()) {
					String title = chinese.group(3);
					found.add(new Found(new Enclosure(title, chinese.group(1), chinese.group(2)), null,
							p.flow().span(chinese.start(), chinese.end())));
				}
				else if (setsOut.find()) {
					String author = setsOut.group("author").replaceFirst("^(?:[Tt]he )", "");
					found.add(new Found(new Enclosure(setsOut.group("title").strip(), author, null), null,
							p.flow().span(setsOut.start(), setsOut.end())));
				}
			}
		}
		if (found.isEmpty()) {
			found.addAll(listedItems(a));
		}
		String encl = enclosureLine(a);
		if (encl != null && found.size() <= 1) {
			if (found.isEmpty()) {
				found.add(new Found(new Enclosure(encl, null, null), null, null));
			}
			else if (found.get(0).draft() != null && !found.get(0).draft().communication()) {
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

	/**
	 * The items of an enclosure list whose heading stands alone ("Pièces jointes :", "附件：") on the lines below it,
	 * each with its author when the item names it in brackets or, in Chinese, before the kind of document.
	 */
	private static List<Found> listedItems(Segments a) {
		List<Found> items = new ArrayList<>();
		List<Layout.Line> lines = a.layout.lines();
		for (Layout.Line heading : a.enclosureLines) {
			Matcher m = Segments.ENCL.matcher(heading.folded().strip());
			String rest = m.matches() ? m.group(1).strip() : "";
			if (!rest.isEmpty() && !LIST_ITEM.matcher(rest).matches() && rest.codePoints().anyMatch(Character::isLetterOrDigit)) {
				continue;
			}
			for (int i = heading.index() + 1; i < lines.size() && !lines.get(i).blank(); i++) {
				Matcher item = LIST_ITEM.matcher(lines.get(i).text());
				if (!item.matches()) {
					break;
				}
				String text = item.group(1).strip().replaceAll("\\s*[;.\u3002\uff1b]$", "");
				String author = null;
				Matcher by = ITEM_AUTHOR.matcher(text);
				Matcher han = HAN_KIND.matcher(text);
				if (by.matches()) {
					author = by.group(2).strip();
					text = by.group(1).strip();
				}
				else if (han.matches()) {
					author = han.group(1);
					text = han.group(2);
				}
				items.add(new Found(new Enclosure(text, author, null), null,
						a.layout.clean().span(lines.get(i).start(), lines.get(i).end())));
			}
			if (!items.isEmpty()) {
				return items;
			}
		}
		return items;
	}

	private static String enclosureLine(Segments a) {
		for (Layout.Line line : a.enclosureLines) {
			Matcher m = Segments.ENCL.matcher(line.folded().strip());
			if (m.matches() && !BARE_ENCL.matcher(m.group(1)).matches()
					&& m.group(1).codePoints().anyMatch(Character::isLetterOrDigit)) {
				String desc = line.text().strip().substring(m.start(1));
				return desc.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
			}
		}
		return null;
	}

	private static List<Found> complete(List<Found> found, Segments a, String language, String sender, String recipient) {
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
	private static String resolve(String title, Segments a) {
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
	private static String government(Segments a, String sender) {
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
