package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who sends a document and to whom: for a note verbale, the Mission named before "presents its compliments"
 * and the addressee after it (with the office named in the address block); for a letter, the signatory (with the
 * letterhead) and the inside address.
 */
final class PartyExtractor {

	/** A value and where it came from. */
	record Found(String value, Span span) {
	}

	private static final Pattern TO = Pattern.compile("\\s*,?\\s*(?:(?:to|aux|au|alla|allo|agli|ai|al|ao|a|dem|der|den"
			+ "|إلى|الى)\\s+|all')");

	/** Arabic: "تهدي SENDER أطيب تحياتها إلى RECIPIENT، وتتشرف ...". */
	private static final Pattern ARABIC_GREETINGS = Pattern.compile("\\s+(?:أطيب|اطيب|خالص)?\\s*تحيات\\p{L}*");

	private static final Pattern ARABIC_RECIPIENT_END = Pattern.compile("[،,]|\\s+و(?:تتشرف|يتشرف|تود|ترجو)");

	/** Chinese: "SENDER向RECIPIENT致意". */
	private static final Pattern CHINESE = Pattern.compile("向(.{1,60}?)致意");

	private static final Pattern RECIPIENT_END = Pattern.compile(",?\\s+(?:e|ed|и|und)\\s*,|,?\\s+(?:e|ed|и|und)\\s+(?:tem|ha|имеет|hat|em)\\b"
			+ "|,?\\s+и\\s|\\s+(?:unter bezugnahme|in beantwortung|mit bezug|bezugnehmend|folgendes|mitzuteilen|ihre hochachtung"
			+ "|seine hochachtung)\\b|,?\\s+(?:and|et|y)\\s*,|,?\\s+(?:and|et|y)\\s+(?:has|have"
			+ "|a|ont|tiene|tienen|wishes|would|is|takes|avails|with|further|in|referring|refers|se|le|lui|desea|informs"
			+ "|requests|hereby|pursuant|following|upon|on|having|en|con|avec|conformement|me|la|les)\\b|,\\s+(?:and|et|y|e)\\s"
			+ "|(?<!\\b[a-z]|\\bmr|\\bms|\\bdr|\\bno)[.;](?:\\s|$)");

	private static final Pattern STATE = Formulas.folded("\\b(?:mission|missions|embassy|ambassade|embajada|embaixada|ambasciata"
			+ "|botschaft|ministry|ministere|ministerio|ministerium|ministero|consulate|consulat|consolato|consulado|delegation"
			+ "|delegacion|delegacao|delegazione|representation|vertretung|missao|missione|mision|high commission"
			+ "|представительство|посольство|министерство|консульство)\\b|البعثة|سفارة|وزارة|代表团|大使馆|外交部|领事馆");

	private static final Pattern OFFICE = Pattern.compile("(?:the\\s+)?(?:office|department|division|unit|bureau|section|programme"
			+ "|service|cabinet|protocol|oficina|departamento|direccion|unidad|seccion|departement|protocole|subdivision"
			+ "|abteilung|referat|divisao|dipartimento|ufficio|департамент|отдел|управление)\\b.*");

	private static final Pattern SIGNED = Pattern.compile("\\((?:signed|sign[ée]|firmad[oa]|firmat[oa]|gez\\.?|подпись)\\)\\s*(.*)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern TITLE_FROM = Pattern.compile("\\bfrom\\s+(?:the\\s+)?(.+?)\\s+addressed\\s+to\\b");

	private static final Pattern TITLE_TO = Pattern.compile("\\baddressed\\s+to\\s+(?:the\\s+)?(.+?)[.\\s]*$");

	private static final Pattern ADDRESS_LINE = Pattern.compile("(?:[\\p{L}.\\- ]+,\\s*)?(?:switzerland|suisse|suiza"
			+ "|schweiz|svizzera)\\.?|(?:geneva|geneve|ginebra|genf|genebra|ginevra|женева|جنيف|日内瓦|new york|nueva york|nova iorque|нью-йорк|نيويورك|纽约"
			+ "|vienna|vienne|viena|wien|вена|فيينا|维也纳|bern|berne|berna|берн|برن|伯尔尼|brussels|bruxelles|bruselas|rome|roma|paris"
			+ "|nairobi|bangkok)[.\\-]*");

	private static final Pattern TO_LINE = Pattern.compile("(?:to|a la|al|a|à|an das|an die|an den|all'|alla|ao|à)\\.?:?");

	private static final Pattern PLACEHOLDER = Pattern.compile("[\\[(]?(?:signed|signature|signe|firmado|firmato|assinado"
			+ "|unterschrift|gez|подпись|توقيع|sgd|s/)[\\])]?\\.?");

	private static final Pattern ENTITY = Formulas.folded("(?:وزارة|سفارة|البعثة|代表团|大使馆|部)|\\b(?:mission|embassy|ambassade|embajada|ministry|ministere"
			+ "|ministerium|ministero|ministerio|bundesministerium|министерство|посольство|представительство|missao|missione"
			+ "|ministerio|delegation|delegacion|consulate|consulat|consulado|office|government|gouvernement|gobierno)\\b");

	private PartyExtractor() {
	}

	static Found sender(Segments a) {
		Layout.Paragraph p = a.opening;
		String text = p.text();
		String folded = p.folded();
		String formula = folded.substring(a.complimentsStart, a.complimentsEnd);
		if (formula.startsWith("تهدي") || formula.startsWith("يهدي")) {
			Matcher greetings = ARABIC_GREETINGS.matcher(text).region(a.complimentsEnd, text.length());
			return greetings.find() ? found(p, a.complimentsEnd, greetings.start()) : null;
		}
		int from = Math.max(0, text.lastIndexOf(". ", a.complimentsStart) + 1);
		while (from < a.complimentsStart && text.charAt(from) == ' ') {
			from++;
		}
		from += Names.article(folded.substring(from));
		return withOffice(a, found(p, from, a.complimentsStart));
	}

	/**
	 * An organisation writing from one of its offices (an outgoing circular, a note between organisations) signs
	 * with the organisation; its letterhead names the office: "International Organization for Migration (IOM),
	 * Department of Policy and Research". A State's representation is the sender itself.
	 */
	private static Found withOffice(Segments a, Found sender) {
		if (sender == null || STATE.matcher(TextFold.fold(sender.value())).find()) {
			return sender;
		}
		for (Layout.Line line : a.layout.lines().subList(0, Math.min(a.headerEnd, a.layout.lines().size()))) {
			String text = line.text().strip();
			String folded = TextFold.fold(text);
			if (!text.isEmpty() && text.chars().noneMatch(Character::isDigit) && OFFICE.matcher(folded).matches()
					&& !TextFold.fold(sender.value()).contains(folded)) {
				return new Found(sender.value() + ", " + Names.titleCase(text), sender.span());
			}
		}
		return sender;
	}

	static Found recipient(Segments a) {
		Layout.Paragraph p = a.opening;
		String formula = p.folded().substring(a.complimentsStart, a.complimentsEnd);
		Found found;
		Matcher chinese = CHINESE.matcher(formula);
		if (chinese.matches()) {
			found = found(p, a.complimentsStart + chinese.start(1), a.complimentsStart + chinese.end(1));
		}
		else {
			int at = a.complimentsEnd;
			if (formula.startsWith("تهدي") || formula.startsWith("يهدي")) {
				Matcher greetings = ARABIC_GREETINGS.matcher(p.text()).region(at, p.text().length());
				at = greetings.find() ? greetings.end() : at;
			}
			Matcher to = TO.matcher(p.folded()).region(at, p.folded().length());
			int from = to.lookingAt() ? to.end() : at;
			if (from == at && !formula.startsWith("\u0441") && !formula.startsWith("bezeug")) {
				return null;
			}
			from += Names.article(p.folded().substring(from));
			Matcher end = (formula.startsWith("تهدي") || formula.startsWith("يهدي") ? ARABIC_RECIPIENT_END : RECIPIENT_END)
				.matcher(p.folded())
				.region(from, p.folded().length());
			int to2 = end.find() ? end.start() : p.text().length();
			if (formula.startsWith("beehr")) {
				to2 = Math.min(to2, germanNameEnd(p.text(), from, to2));
			}
			found = found(p, from, to2);
		}
		found = nominative(a, found);
		if (found == null || a.addressBlock == null) {
			return found;
		}
		String value = found.value();
		for (Layout.Line line : a.layout.lines().subList(a.addressBlock.firstLine() + 1, a.addressBlock.lastLine() + 1)) {
			String office = line.text().strip();
			String folded = TextFold.fold(office);
			if (OFFICE.matcher(folded).matches() && !TextFold.fold(value).contains(folded)) {
				value = value.endsWith(")") ? value + ", " + office : value + " (" + office + ")";
			}
		}
		return new Found(value, found.span());
	}

	/**
	 * Where a German name in the dative ends: at the first lower-case word that is neither a connector ("der",
	 * "für") nor an adjective before a noun ("für auswärtige Angelegenheiten").
	 */
	private static int germanNameEnd(String text, int from, int to) {
		Matcher word = GERMAN_WORD.matcher(text).region(from, to);
		while (word.find()) {
			String w = word.group(1);
			if (Character.isLowerCase(w.charAt(0)) && !Names.isConnector(w)) {
				int next = word.end();
				boolean beforeNoun = next + 1 < text.length() && text.charAt(next) == ' '
						&& Character.isUpperCase(text.charAt(next + 1));
				if (!beforeNoun) {
					return word.start(1);
				}
			}
		}
		return to;
	}

	private static final Pattern GERMAN_WORD = Pattern.compile("(?<![\\p{L}])(\\p{L}+)");

	/**
	 * The recipient as the address block writes it, when the opening names it in another case (a Russian or
	 * German dative, "Международной организации" for "Международная организация"): same words, other endings.
	 */
	private static Found nominative(Segments a, Found found) {
		if (found == null || a.addressBlock == null) {
			return found;
		}
		List<String> lines = new ArrayList<>();
		for (Layout.Line line : a.layout.lines().subList(a.addressBlock.firstLine(), a.addressBlock.lastLine() + 1)) {
			String text = line.text().strip();
			if (isAddressLine(text) || OFFICE.matcher(TextFold.fold(text)).matches()) {
				break;
			}
			if (!TO_LINE.matcher(TextFold.fold(text)).matches()) {
				lines.add(text);
			}
		}
		if (lines.isEmpty()) {
			return found;
		}
		String block = String.join(" ", lines);
		String[] read = TextFold.fold(found.value()).split("[\\s,()]+");
		String[] written = TextFold.fold(block).split("[\\s,()]+");
		if (read.length != written.length || TextFold.fold(block).equals(TextFold.fold(found.value()))) {
			return found;
		}
		for (int i = 0; i < read.length; i++) {
			int stem = Math.min(4, Math.min(read[i].length(), written[i].length()));
			if (!read[i].regionMatches(0, written[i], 0, stem)) {
				return found;
			}
		}
		return new Found(block, found.span());
	}

	/** The signatory of a letter, with the letterhead it is written on (unless the letterhead only repeats it). */
	static Found signatory(Segments a) {
		if (a.title != null) {
			Found circulated = circulatedSignatory(a);
			if (circulated != null) {
				return circulated;
			}
		}
		List<Layout.Line> lines = a.layout.lines();
		List<String> parts = new ArrayList<>();
		Span first = null;
		Layout.Paragraph closing = a.closeLine < 0 ? null : a.layout.paragraphOf(a.closeLine);
		for (int i = closing == null ? lines.size() : closing.lastLine() + 1; i < lines.size(); i++) {
			String text = lines.get(i).text().strip();
			if (text.isEmpty() || PLACEHOLDER.matcher(TextFold.fold(text)).matches()) {
				if (!parts.isEmpty()) {
					break;
				}
				continue;
			}
			if (Segments.ENCL.matcher(TextFold.fold(text)).matches() || (parts.size() >= 3 && !continues(text))) {
				break;
			}
			parts.add(text);
			Span s = a.layout.clean().span(lines.get(i).start(), lines.get(i).end());
			first = first == null ? s : first;
		}
		Layout.Paragraph head = a.layout.paragraphs().isEmpty() ? null : a.layout.paragraphs().get(0);
		String letterhead = null;
		if (head != null && head.lastLine() < a.headerEnd && ENTITY.matcher(head.folded()).find()) {
			List<String> headLines = new ArrayList<>();
			for (Layout.Line l : lines.subList(head.firstLine(), head.lastLine() + 1)) {
				headLines.add(Names.titleCase(l.text().strip()));
			}
			letterhead = String.join(", ", headLines);
		}
		if (parts.isEmpty()) {
			return letterhead == null ? null : new Found(letterhead, head.flow().span(0, head.text().length()));
		}
		String signed = join(parts);
		signed = signed.substring(Names.article(TextFold.fold(signed)));
		boolean repeats = letterhead != null && repeats(signed, letterhead);
		String value = signed + (letterhead == null || repeats ? "" : " (" + letterhead + ")");
		return new Found(value, first);
	}

	/**
	 * The signatory of a circulated letter: the name after "(Signed)" and the office its title line gives ("Letter
	 * dated … from the Permanent Representative of Norway to the United Nations addressed to …").
	 */
	private static Found circulatedSignatory(Segments a) {
		Matcher from = TITLE_FROM.matcher(a.title.text());
		for (Layout.Line line : a.layout.lines().subList(a.title.lastLine() + 1, a.layout.lines().size())) {
			Matcher signed = SIGNED.matcher(line.text().strip());
			if (signed.matches() && !signed.group(1).isBlank()) {
				String name = signed.group(1).strip();
				Span span = a.layout.clean().span(line.start(), line.end());
				return new Found(from.find() ? name + ", " + from.group(1).strip() : name, span);
			}
		}
		return null;
	}

	/** Whom a circulated letter is addressed to, from its title line ("… addressed to the President of the Council"). */
	static Found circulatedAddressee(Segments a) {
		Matcher to = TITLE_TO.matcher(a.title.text());
		return to.find() ? found(a.title, to.start(1), to.end(1)) : null;
	}

	/** Whether a letterhead says no more than the signature (a minister's letterhead over the minister's name). */
	private static boolean repeats(String signed, String letterhead) {
		String s = TextFold.fold(signed);
		int words = 0;
		int found = 0;
		for (String w : TextFold.fold(letterhead).split("[^\\p{L}]+")) {
			if (w.length() >= 4) {
				words++;
				found += s.contains(w) ? 1 : 0;
			}
		}
		return words > 0 && found >= 0.6 * words;
	}

	/**
	 * The inside address of a letter: the block just above the salutation, or the block after the signature (where
	 * many chanceries put it) when only that one ends in an address; without street, postcode and city.
	 */
	static Found insideAddress(Segments a) {
		Layout.Paragraph above = null;
		for (Layout.Paragraph p : a.layout.paragraphs()) {
			boolean dateline = a.datelineCell != null && p.firstLine() <= a.datelineCell.line()
					&& a.datelineCell.line() <= p.lastLine();
			if (p.lastLine() < a.salutationLine && !dateline && p.index() > 0) {
				above = p;
			}
		}
		Layout.Paragraph foot = footAddress(a);
		Layout.Paragraph block = above == null || (!hasAddressLine(a, above) && foot != null) ? foot : above;
		if (block == null) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		Layout.Line last = null;
		for (Layout.Line line : a.layout.lines().subList(block.firstLine(), block.lastLine() + 1)) {
			String text = line.text().strip();
			if (isAddressLine(text)) {
				break;
			}
			parts.add(text);
			last = line;
		}
		if (last == null) {
			return null;
		}
		String value = join(parts);
		value = value.substring(Names.honorificsAndArticle(TextFold.fold(value)));
		Span span = a.layout.clean().span(a.layout.lines().get(block.firstLine()).start(), last.end());
		return new Found(value, span);
	}

	/** The first block after a letter's signature that ends in an address (a city, a postcode). */
	private static Layout.Paragraph footAddress(Segments a) {
		if (a.closeLine < 0) {
			return null;
		}
		boolean signature = false;
		for (Layout.Paragraph p : a.layout.paragraphs()) {
			if (p.lastLine() <= a.closeLine) {
				continue;
			}
			boolean dateline = a.datelineCell != null && p.firstLine() <= a.datelineCell.line()
					&& a.datelineCell.line() <= p.lastLine();
			String first = TextFold.fold(a.layout.lines().get(p.firstLine()).text().strip());
			if (dateline || Segments.ENCL.matcher(first).matches() || first.startsWith("cc")) {
				continue;
			}
			if (PLACEHOLDER.matcher(first).matches() && p.firstLine() == p.lastLine()) {
				continue;
			}
			if (!signature) {
				signature = true;
				continue;
			}
			if (hasAddressLine(a, p) && p.lastLine() > p.firstLine()) {
				return p;
			}
		}
		return null;
	}

	private static boolean hasAddressLine(Segments a, Layout.Paragraph p) {
		for (Layout.Line line : a.layout.lines().subList(p.firstLine() + 1, p.lastLine() + 1)) {
			if (isAddressLine(line.text().strip())) {
				return true;
			}
		}
		return false;
	}

	/** A line of an address: street, postcode and city, city or country alone; not a name holding a year. */
	static boolean isAddressLine(String text) {
		String f = TextFold.fold(text).strip();
		if (f.isEmpty()) {
			return false;
		}
		if (ADDRESS_LINE.matcher(f).matches() || Character.isDigit(f.charAt(0))) {
			return true;
		}
		return f.split("\\s+").length <= 5 && f.matches(".*\\d{2,}.*");
	}

	/** Lines of a block as one name: a line continuing the one before ("of Nuclear Weapons") joins with a space. */
	private static String join(List<String> parts) {
		StringBuilder out = new StringBuilder();
		for (String part : parts) {
			if (out.length() > 0) {
				boolean carriesOn = continues(part) || Names.endsWithConnector(out.toString());
				out.append(carriesOn ? " " : ", ");
			}
			out.append(part);
		}
		return out.toString();
	}

	private static boolean continues(String line) {
		return !line.isEmpty() && Character.isLowerCase(line.charAt(0));
	}

	private static Found found(Layout.Paragraph p, int from, int to) {
		Span span = p.flow().span(from, to);
		if (span == null) {
			return null;
		}
		String value = p.text().substring(from, to).strip().replaceAll("[\\s,;:\u2013\u2014-]+$", "");
		return value.isEmpty() ? null : new Found(value, span);
	}

}
