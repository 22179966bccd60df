package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the parts of a document lie: for a note verbale its opening and closing formulas, for a letter its
 * salutation and complimentary close, then the dateline, the trailer (enclosure lines, address block) and the
 * documents enclosed after it.
 */
final class Anatomy {

	static final Pattern ENCL = Pattern.compile("(?:encl(?:osures?)?|enc|annex(?:es)?|attachments?|p\\.\\s?j|pieces? jointes?"
			+ "|adj(?:untos?)?|anexos?)\\s*\\.?\\s*:?\\s+(.+)");

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

	Anatomy(Layout layout) {
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
		boolean noteFirst = this.opening != null
				&& (this.salutationLine < 0 || this.opening.firstLine() < this.salutationLine);
		if (Formulas.junkScore(whole) >= 3) {
			this.type = DocType.OTHER;
		}
		else if (noteFirst) {
			this.type = DocType.NOTE_VERBALE;
			readNote();
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
		}
		this.body.addAll(paragraphs.subList(this.opening.index(), closing.index() + 1));
		this.headerEnd = this.opening.firstLine();
		findDateline(0, this.headerEnd);
		int trailerFrom = closing.lastLine() + 1;
		if (this.dateline == null) {
			findDateline(trailerFrom, this.layout.lines().size());
		}
		readTrailer(trailerFrom);
	}

	private void readLetter() {
		this.headerEnd = this.salutationLine;
		findDateline(0, this.headerEnd);
		List<Layout.Line> lines = this.layout.lines();
		for (int i = this.salutationLine + 1; i < lines.size() && this.closeLine < 0; i++) {
			if (Formulas.COMPLIMENTARY_CLOSE.matcher(lines.get(i).folded().strip()).matches()) {
				this.closeLine = i;
			}
		}
		int end = this.closeLine < 0 ? lines.size() : this.closeLine;
		for (Layout.Paragraph p : this.layout.paragraphs()) {
			if (p.firstLine() > this.salutationLine && p.lastLine() < end) {
				this.body.add(p);
			}
		}
		if (this.dateline == null) {
			findDateline(this.salutationLine, lines.size());
		}
	}

	private void findDateline(int fromLine, int toLine) {
		List<Layout.Line> lines = this.layout.lines();
		for (int i = fromLine; i < Math.min(toLine, lines.size()) && this.dateline == null; i++) {
			for (Layout.Cell cell : this.layout.cells(lines.get(i))) {
				DateExtractor.Dateline d = DateExtractor.dateline(cell.text(), cell.folded());
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
