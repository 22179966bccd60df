package org.valise.intake.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The fields right over a set of notes, per field and overall, and every field missed. */
public final class Report {

	/**
	 * One field of one note, scored.
	 *
	 * @param file the note
	 * @param field the field
	 * @param right whether the parser read it right
	 * @param expected what the clerk read
	 * @param got what the parser read
	 */
	public record Outcome(String file, String field, boolean right, String expected, Object got) {
	}

	private final List<Outcome> outcomes;

	Report(List<Outcome> outcomes) {
		this.outcomes = List.copyOf(outcomes);
	}

	/** The report over the notes whose file name passes the test only. */
	public Report only(Predicate<String> files) {
		return new Report(this.outcomes.stream().filter((o) -> files.test(o.file())).toList());
	}

	/** How many notes were scored. */
	public int notes() {
		Set<String> files = new LinkedHashSet<>();
		this.outcomes.forEach((o) -> files.add(o.file()));
		return files.size();
	}

	/** How many notes had that field right. */
	public int right(String field) {
		return (int) this.outcomes.stream().filter((o) -> o.field().equals(field) && o.right()).count();
	}

	/** The share of notes that had that field right (1 when there are no notes). */
	public double share(String field) {
		return notes() == 0 ? 1.0 : (double) right(field) / notes();
	}

	/** The share of all fields of all notes that were right (1 when there are no notes). */
	public double overall() {
		return this.outcomes.isEmpty() ? 1.0
				: (double) this.outcomes.stream().filter(Outcome::right).count() / this.outcomes.size();
	}

	/** Every field missed, note by note. */
	public List<Outcome> misses() {
		return this.outcomes.stream().filter((o) -> !o.right()).toList();
	}

	/** The table: each field's right/total and share, the overall share, then the notes it got wrong. */
	public String table(String title) {
		StringBuilder out = new StringBuilder(title).append('\n');
		out.append(String.format("  %-20s %7s  %5s%n", "field", "right", "share"));
		for (String field : Evaluation.FIELDS) {
			out.append(String.format("  %-20s %3d/%-3d  %5.2f%n", field, right(field), notes(), share(field)));
		}
		long all = this.outcomes.stream().filter(Outcome::right).count();
		out.append(String.format("  %-20s %3d/%-3d  %5.2f%n", "overall", all, this.outcomes.size(), overall()));
		List<Outcome> misses = misses();
		if (misses.isEmpty()) {
			return out.append("No field missed.\n").toString();
		}
		out.append("Notes it got wrong:\n");
		String file = null;
		for (Outcome miss : misses) {
			if (!miss.file().equals(file)) {
				file = miss.file();
				out.append("  ").append(file).append('\n');
			}
			out.append(String.format("    %-19s expected: %s%n    %-19s got:      %s%n", miss.field(), miss.expected(), "",
					miss.got()));
		}
		return out.toString();
	}

}
