package org.valise.intake.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines, cells and paragraphs of a cleaned working copy, each paragraph also given as one line of flowing
 * text (whitespace collapsed) that still maps back to the input.
 */
final class Layout {

	private static final Pattern SEPARATOR = Pattern.compile("[\\s\\-\u2013\u2014_=~.*\u2022]{5,}");

	private static final Pattern CELL_GAP = Pattern.compile("\\s{3,}");

	/** One line of the cleaned text, with its offsets in it. */
	record Line(int index, int start, int end, String text, String folded) {

		boolean blank() {
			return this.text.isBlank();
		}

	}

	/** A range of the cleaned text that stands apart (a line, or a column of a line). */
	record Cell(int line, int start, int end, String text, String folded) {
	}

	/** A paragraph: consecutive non-blank lines, and its flowing text. */
	record Paragraph(int index, int firstLine, int lastLine, MappedText flow, String text, String folded) {
	}

	private final MappedText clean;

	private final List<Line> lines = new ArrayList<>();

	private final List<Paragraph> paragraphs = new ArrayList<>();

	Layout(MappedText clean) {
		this.clean = clean;
		String s = clean.text();
		int start = 0;
		while (start <= s.length()) {
			int end = s.indexOf('\n', start);
			if (end < 0) {
				end = s.length();
			}
			String text = s.substring(start, end);
			this.lines.add(new Line(this.lines.size(), start, end, text, TextFold.fold(text)));
			start = end + 1;
		}
		int first = -1;
		for (int i = 0; i <= this.lines.size(); i++) {
			boolean breaks = i == this.lines.size() || this.lines.get(i).blank() || isSeparator(i);
			if (breaks && first >= 0) {
				MappedText flow = flow(this.lines.get(first).start(), this.lines.get(i - 1).end());
				this.paragraphs.add(new Paragraph(this.paragraphs.size(), first, i - 1, flow, flow.text(),
						TextFold.fold(flow.text())));
				first = -1;
			}
			else if (!breaks && first < 0) {
				first = i;
			}
		}
	}

	MappedText clean() {
		return this.clean;
	}

	List<Line> lines() {
		return this.lines;
	}

	List<Paragraph> paragraphs() {
		return this.paragraphs;
	}

	boolean isSeparator(int line) {
		Line l = this.lines.get(line);
		return !l.blank() && SEPARATOR.matcher(l.text()).matches()
				&& l.text().chars().filter((c) -> !Character.isWhitespace(c)).count() >= 3;
	}

	/** The paragraph holding the given line, or {@code null} if the line is blank. */
	Paragraph paragraphOf(int line) {
		for (Paragraph p : this.paragraphs) {
			if (p.firstLine() <= line && line <= p.lastLine()) {
				return p;
			}
		}
		return null;
	}

	/** The cells of a line: the line itself, or its columns when it is laid out with wide gaps. */
	List<Cell> cells(Line line) {
		List<Cell> cells = new ArrayList<>();
		String text = line.text();
		int from = 0;
		Matcher gap = CELL_GAP.matcher(text);
		while (true) {
			boolean found = gap.find();
			int to = found ? gap.start() : text.length();
			String cell = text.substring(from, to);
			if (!cell.isBlank()) {
				int lead = cell.length() - cell.stripLeading().length();
				String stripped = cell.strip();
				int cellStart = line.start() + from + lead;
				cells.add(new Cell(line.index(), cellStart, cellStart + stripped.length(), stripped,
						TextFold.fold(stripped)));
			}
			if (!found) {
				return cells;
			}
			from = gap.end();
		}
	}

	/** The cleaned range {@code [start, end)} as one line of text, whitespace collapsed. */
	MappedText flow(int start, int end) {
		String s = this.clean.text();
		MappedText.Builder out = this.clean.builder(Math.max(16, end - start + 16));
		int i = start;
		while (i < end && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		while (i < end) {
			if (Character.isWhitespace(s.charAt(i))) {
				int j = i;
				while (j < end && Character.isWhitespace(s.charAt(j))) {
					j++;
				}
				if (j < end) {
					out.replace(i, j, " ");
				}
				i = j;
			}
			else {
				out.keep(i);
				i++;
			}
		}
		return out.build();
	}

}
