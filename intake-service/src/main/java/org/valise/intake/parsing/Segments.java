package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The segments of a document, the second step of the parser's pipeline (after cleaning and layout, before the
 * extractors): the letterhead and header lines (reference, a circulated document's header), the title line of a
 * circulated document, the body (for a note verbale from its opening to its closing formula, for a letter from its
 * salutation to its complimentary close), the dateline, and the trailer after the text (enclosure list, address
 * block, the documents enclosed after it). Registry stamps and page furniture are gone already ({@link
 * TextCleaner}). The document's type follows from which segments it has.
 */
final class Segments {

	static final Pattern ENCL = Formulas.folded("(?:encl(?:osures?)?|enc|annex(?:es)?|attachments?|p\\.\\s?j|pieces? jointes?"
			+ "|adj(?:untos?)?|anexos?|all\\.|allegat[oi]|anlagen?|приложени[ея]|المرفقات|المرفق|附件)(?![\\p{L}])\\s*\\.?\\s*[:：]?\\s*(.*)");

	/** The title line of a circulated document: "Note verbale dated 4 April 2006 from ... addressed to ...". */
	static final Pattern TITLE = Formulas.folded("(?:identical )?(?:(notes? verbales?|nota verbal|notas? verbais|nota|note"
			+ "|verbalnote|вербальная нота|مذكرة شفوية|普通照会)|(letters?|lettres?|cartas?|lettera|schreiben|письмо|رسالة))"
			+ "\\s+(?:dated|datee?s? du|de fecha|del|du|de|vom|от|مؤرخة)\\s");

	/** The heading of an annex, after which the note's own text is over. */
	static final Pattern ANNEX = Formulas.folded("(?:annex|annexe|anexo|anlage|allegato|приложение)(?:\\s+(?:to|a|à|al|zur|к)\\b.*"
			+ "|\\s+[ivx\\d]+\\b.*|\\s*)");

	private static final Pattern UN_HEADER = Pattern.compile("\\bdistr\\b|\\boriginal\\s*:|^[a-z]{1,6}(?:/[a-z0-9.]+){1,5}$");

	private static final Pattern CITY = Pattern.compile("\\p{Lu}[\\p{L}'\\-]+(?: \\p{Lu}[\\p{L}'\\-]+){0,2}\\.?");

	private static final Pattern PLACES = Pattern.compile("(?:geneva|geneve|ginebra|new york|nueva york|vienna|vienne|viena"
			+ "|nairobi|rome|roma|paris|bern|berne|berna|brussels|bruxelles|bruselas)\\.?");

	final Layout layout;

	String placeText;

	final DocType type;

	Layout.Paragraph opening;

	int complimentsStart = -1;

	int complimentsEnd = -1;

	int salutationLine = -1;

	int closeLine = -1;

	final List<Layout.Paragraph> body = new ArrayList<>();

	Layout.Cell datelineCell;

	DateExtractor.Dateline dateline;

	int headerEnd;

	final List<Layout.Line> enclosureLines = new ArrayList<>();

	Layout.Paragraph addressBlock;

	int enclosedStart = -1;

	/** The first line after the text (closing formula or complimentary close): dateline, address, stamps. */
	int trailerFrom = -1;

	/** The title line of a circulated document, and whether it announces a letter. */
	Layout.Paragraph title;

	boolean titleIsLetter;

	Segments(Layout layout) {
		this.layout = layout;
		List<Layout.Paragraph> paragraphs = layout.paragraphs();
		String whole = TextFold.fold(layout.clean().text());
		for (Layout.Paragraph p : paragraphs) {
			Matcher m = Formulas.find(Formulas.COMPLIMENTS, p.folded());
			if (m != null) {
				this.opening = p;
				this.complimentsStart = m.start();
				this.complimentsEnd = m.end();
				break;
			}
		}
		for (Layout.Line line : layout.lines()) {
			String t = line.folded().strip();
			if (t.length() <= 80 && Formulas.SALUTATION.matcher(t).matches()) {
				this.salutationLine = line.index();
				break;
			}
		}
		findTitle();
		boolean noteFirst = this.opening != null
				&& (this.salutationLine < 0 || this.opening.firstLine() < this.salutationLine);
		if (Formulas.junkScore(whole) >= 3) {
			this.type = DocType.OTHER;
		}
		else if (noteFirst) {
			this.type = DocType.NOTE_VERBALE;
			readNote();
		}
		else if (this.title != null && this.titleIsLetter && Formulas.find(Formulas.FIRST_PERSON, whole) != null) {
			this.type = DocType.LETTER;
			this.salutationLine = this.salutationLine >= 0 ? this.salutationLine : this.title.lastLine();
			readLetter();
		}
		else if (this.salutationLine >= 0 && Formulas.find(Formulas.FIRST_PERSON, whole) != null) {
			this.type = DocType.LETTER;
			readLetter();
		}
		else {
			this.type = DocType.OTHER;
		}
	}

	private void readNote() {
		List<Layout.Paragraph> paragraphs = this.layout.paragraphs();
		Layout.Paragraph closing = null;
		for (int i = this.opening.index() + 1; i < paragraphs.size() && closing == null; i++) {
			if (Formulas.find(Formulas.CLOSING, paragraphs.get(i).folded()) != null) {
				closing = paragraphs.get(i);
			}
		}
		if (closing == null) {
			closing = this.opening;
			for (int i = this.opening.index() + 1; i < paragraphs.size() && !isAnnex(paragraphs.get(i))
					&& !this.layout.isSeparator(paragraphs.get(i).firstLine() - 1); i++) {
				closing = paragraphs.get(i);
			}
		}
		this.body.addAll(paragraphs.subList(this.opening.index(), closing.index() + 1));
		this.headerEnd = this.opening.firstLine();
		if (this.title != null) {
			titleDate();
		}
		else {
			findDateline(0, this.headerEnd);
		}
		int trailerFrom = closing.lastLine() + 1;
		this.trailerFrom = trailerFrom;
		if (this.dateline == null) {
			findDateline(trailerFrom, this.layout.lines().size());
		}
		readTrailer(trailerFrom);
	}

	private void readLetter() {
		this.headerEnd = this.salutationLine;
		if (this.title != null) {
			titleDate();
		}
		else {
			findDateline(0, this.headerEnd);
		}
		List<Layout.Line> lines = this.layout.lines();
		for (int i = this.salutationLine + 1; i < lines.size() && this.closeLine < 0; i++) {
			String t = lines.get(i).folded().strip();
			if (Formulas.COMPLIMENTARY_CLOSE.matcher(t).matches() || (this.title != null && (t.startsWith("(signed)")
					|| t.startsWith("(signe)") || t.startsWith("(firmado)") || ANNEX.matcher(t).matches()))) {
				this.closeLine = i;
			}
		}
		int end = this.closeLine < 0 ? lines.size() : this.closeLine;
		this.trailerFrom = end;
		for (Layout.Paragraph p : this.layout.paragraphs()) {
			if (p.firstLine() > this.salutationLine && p.lastLine() < end) {
				this.body.add(p);
			}
		}
		if (this.dateline == null) {
			findDateline(this.salutationLine, lines.size());
		}
	}

	/** The title line of a circulated document, if the document has one before its text. */
	private void findTitle() {
		int limit = this.opening != null ? this.opening.index() : this.layout.paragraphs().size();
		for (Layout.Paragraph p : this.layout.paragraphs().subList(0, Math.min(limit, this.layout.paragraphs().size()))) {
			Matcher m = TITLE.matcher(p.folded());
			if (m.lookingAt() && p.text().length() < 400) {
				this.title = p;
				this.titleIsLetter = m.group(2) != null;
				return;
			}
		}
	}

	/** The date of a circulated document: the one its title line gives ("Note verbale dated ..."). */
	private void titleDate() {
		Layout.Line first = this.layout.lines().get(this.title.firstLine());
		Layout.Line last = this.layout.lines().get(this.title.lastLine());
		String text = this.layout.clean().text().substring(first.start(), last.end());
		List<DateExtractor.Found> dates = DateExtractor.findAll(TextFold.fold(text));
		if (!dates.isEmpty()) {
			DateExtractor.Found d = dates.get(0);
			this.datelineCell = new Layout.Cell(first.index(), first.start(), last.end(), text, TextFold.fold(text));
			this.dateline = new DateExtractor.Dateline(d.date(), d.start(), d.end(), -1, -1);
		}
	}

	private boolean isAnnex(Layout.Paragraph p) {
		return ANNEX.matcher(TextFold.fold(this.layout.lines().get(p.firstLine()).text().strip())).matches();
	}

	/** The city of a letterhead, when a line of it names only a city ("Geneva", "New York, N.Y. 10017"). */
	String letterheadCity() {
		if (this.layout.paragraphs().isEmpty() || this.title != null) {
			return null;
		}
		Layout.Paragraph head = this.layout.paragraphs().get(0);
		if (head.lastLine() >= this.headerEnd) {
			return null;
		}
		String last = this.layout.lines().get(head.lastLine()).text().strip();
		String city = last.replaceFirst(",.*\\d.*$", "").strip();
		String[] words = TextFold.fold(city).split("\\s+");
		if (words.length > 3 || !CITY.matcher(city).matches() && !PLACES.matcher(TextFold.fold(city)).matches()) {
			return null;
		}
		for (String w : words) {
			if (Lexicon.isWord(w) && !PLACES.matcher(w).matches()) {
				return null;
			}
		}
		return Names.titleCase(city);
	}

	private void findDateline(int fromLine, int toLine) {
		List<Layout.Line> lines = this.layout.lines();
		for (int i = fromLine; i < Math.min(toLine, lines.size()) && this.dateline == null; i++) {
			if (UN_HEADER.matcher(lines.get(i).folded().strip()).find()) {
				continue;
			}
			for (Layout.Cell cell : this.layout.cells(lines.get(i))) {
				DateExtractor.Dateline d = DateExtractor.dateline(cell.text(), cell.folded());
				if (d == null && i < this.headerEnd) {
					d = DateExtractor.labelled(cell.text(), cell.folded());
				}
				if (d != null) {
					this.datelineCell = cell;
					this.dateline = d;
					if (!d.hasPlace() && i > 0 && cell.start() == lines.get(i).start() + lead(lines.get(i))) {
						placeAbove(lines.get(i - 1), cell);
					}
					break;
				}
			}
		}
	}

	/** "Geneva" on the line above a date that stands alone: the place of that dateline. */
	private void placeAbove(Layout.Line above, Layout.Cell cell) {
		String text = above.text().strip();
		if (CITY.matcher(text).matches() && !Lexicon.isWord(TextFold.fold(text).split(" ")[0])
				|| PLACES.matcher(TextFold.fold(text)).matches()) {
			int at = above.start() + lead(above);
			Layout.Cell merged = new Layout.Cell(cell.line(), at, cell.end(), null, null);
			this.datelineCell = merged;
			this.dateline = new DateExtractor.Dateline(this.dateline.date(), this.dateline.dateStart() + cell.start() - at,
					this.dateline.dateEnd() + cell.start() - at, 0, text.length());
			this.placeText = text;
		}
	}

	private static int lead(Layout.Line line) {
		return line.text().length() - line.text().stripLeading().length();
	}

	private void readTrailer(int fromLine) {
		List<Layout.Line> lines = this.layout.lines();
		int datelineAt = this.datelineCell == null ? -1 : this.datelineCell.line();
		int i = fromLine;
		for (; i < lines.size(); i++) {
			Layout.Line line = lines.get(i);
			if (this.layout.isSeparator(i)) {
				break;
			}
			if (line.blank()) {
				continue;
			}
			Layout.Paragraph p = this.layout.paragraphOf(i);
			Matcher encl = ENCL.matcher(line.folded().strip());
			if (encl.matches()) {
				this.enclosureLines.add(line);
			}
			else if (this.addressBlock == null && p != null && p.firstLine() == i
					&& (datelineAt < p.firstLine() || datelineAt > p.lastLine())) {
				this.addressBlock = p;
				i = p.lastLine();
			}
			else if (i != datelineAt && this.addressBlock != null) {
				break;
			}
		}
		while (i < lines.size() && (lines.get(i).blank() || this.layout.isSeparator(i))) {
			i++;
		}
		this.enclosedStart = i < lines.size() ? i : -1;
	}

}
