package org.valise.system.scale;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.valise.system.faults.ScenarioRow;

/**
 * The scale test's table, as it prints it and as the README quotes it: the audit's counts (lost, duplicated, stuck,
 * ...), what every notification instance answered, the deliveries counted once, and how long the instances took to
 * agree.
 */
final class ScaleTable {

	private ScaleTable() {
	}

	static String render(ScaleProfile profile, ScenarioRow row, InstanceAgreement.Result agreement,
			DeliveriesOnce deliveries, Duration agreedAfter, Duration agreedAfterHeal, Duration run) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%n[scale] %s profile: %d notes at %.0f notes/s, 2 instances of each service, 3 brokers"
				+ " (replication 3, min.insync.replicas 2); kill -9 of one instance of each service and one broker a third"
				+ " of the way in, restarted; %d s in all%n%n", profile.name(), profile.notes(), profile.notesPerSecond(),
				run.toSeconds()));
		out.append("| what | figure | |\n|---|---:|---|\n");
		line(out, "notes accepted (202)", row.accepted(), true);
		line(out, "refused / unanswered", row.refused() + " / " + row.unanswered(), row.unanswered() == 0);
		line(out, "lost", row.lost(), row.lost() == 0);
		line(out, "duplicated (events, registrations, numbers)", row.duplicated(), row.duplicated() == 0);
		line(out, "stuck", row.stuck(), row.stuck() == 0);
		out.append("| duplicate e-mails a reader sees apart (a resend with the same Message-ID is listed below) | ")
			.append(row.duplicateEmails()).append(" | ").append((row.duplicateEmails() == 0) ? "ok" : "**FAIL**").append(" |\n");
		line(out, "registry number gaps", row.gaps(), row.gaps() == 0);
		line(out, "consumer lag at the audit", row.lag(), row.lag() == 0);
		for (Map.Entry<String, Integer> answered : agreement.answeredBy().entrySet()) {
			line(out, "notes answered by " + answered.getKey() + "'s GET", answered.getValue() + " of " + row.accepted(),
					answered.getValue() == row.accepted());
		}
		String totals = agreement.searchTotals()
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + " " + e.getValue())
			.collect(Collectors.joining(", "));
		line(out, "search totals (expected " + agreement.expectedTotal() + ")", totals,
				agreement.searchTotals().values().stream().allMatch((t) -> t == agreement.expectedTotal()));
		line(out, "delivered once to the destination", deliveries.destinationOnce() + " of "
				+ deliveries.destinationExpected(), deliveries.destinationOnce() == deliveries.destinationExpected());
		line(out, "delivered once to each copy (purpose COPY; " + deliveries.notesWithCopies() + " notes with copies)",
				deliveries.copiesOnce() + " of " + deliveries.copiesExpected(),
				deliveries.copiesOnce() == deliveries.copiesExpected());
		line(out, "deliveries missing / extra", deliveries.missing() + " / " + deliveries.extra(), deliveries.exact());
		line(out, "recovery after the restart (s)", (row.recoverySeconds() != null)
				? String.format("%.1f", row.recoverySeconds()) : "never", row.recoverySeconds() != null);
		line(out, "instances agree, after the restart / after the last note was accepted (s)", (agreedAfter != null)
				? String.format("%.1f / %.1f", seconds(agreedAfterHeal), seconds(agreedAfter)) : "never",
				agreedAfter != null);
		row.details().forEach((detail) -> out.append("\n  - ").append(detail));
		deliveries.examples().forEach((example) -> out.append("\n  - deliveries: ").append(example));
		out.append("\n  - the instances were asked ").append(agreement.passes()).append(" time(s) before they agreed; the pass")
			.append(String.format(" that found them agreeing took %.1f s", seconds(agreement.passTook())));
		agreement.disagreements().forEach((what) -> out.append("\n  - not (yet) agreed: ").append(what));
		return out.append('\n').toString();
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static void line(StringBuilder out, String what, Object figure, boolean ok) {
		out.append("| ").append(what).append(" | ").append(figure).append(" | ").append(ok ? "ok" : "**FAIL**")
			.append(" |\n");
	}

}
