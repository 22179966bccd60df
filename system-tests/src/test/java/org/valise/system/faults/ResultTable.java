package org.valise.system.faults;

import java.util.List;

/**
 * The fault table as the suite prints it (and as FAULTS.md quotes it): one row per scenario, then what was found.
 */
public final class ResultTable {

	private ResultTable() {
	}

	public static String render(String title, List<ScenarioRow> rows, boolean withDetails) {
		StringBuilder out = new StringBuilder("\n").append(title).append("\n\n");
		out.append("| scenario | accepted | refused | unanswered | lost | duplicated | stuck | duplicate e-mails | gaps | lag | recovery s | |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (ScenarioRow row : rows) {
			out.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s | %s |%n", row.scenario(),
					row.accepted(), row.refused(), row.unanswered(), row.lost(), row.duplicated(), row.stuck(),
					row.duplicateEmails(), row.gaps(), (row.lag() < 0) ? "?" : String.valueOf(row.lag()),
					(row.recoverySeconds() != null) ? String.format("%.1f", row.recoverySeconds()) : "never",
					row.clean() ? "ok" : "**FAIL**"));
		}
		if (withDetails) {
			for (ScenarioRow row : rows) {
				if (!row.details().isEmpty()) {
					out.append("\n").append(row.scenario()).append(":\n");
					row.details().forEach((detail) -> out.append("  - ").append(detail).append('\n'));
				}
			}
		}
		return out.toString();
	}

}
