package org.valise.system.bench;

import java.util.List;
import java.util.Map;

/**
 * One step of open-loop load on Valise at a constant rate, and what came of it.
 *
 * @param phase what the step was for (warm-up, search, at 50 % of the maximum, overload...)
 * @param offered notes per second offered
 * @param seconds how long the arrivals lasted
 * @param achieved the rate that came through: offered × the steady window's ratio of e-mails to notes (at most offered)
 * @param ratio e-mails that arrived in the steady window over notes to be mailed sent in it
 * @param sustainable whether the step kept up ({@link Sustainability})
 * @param reasons why not, if it did not
 * @param notes notes submitted
 * @param accepted notes intake answered 202 to
 * @param mailable accepted notes routed to an office (not triage, not duplicates)
 * @param mailed of those, notes whose e-mail arrived
 * @param errors notes not accepted, or whose delivery was given up
 * @param backlogAtEnd notes sent 2 s or more before the arrivals ended and not mailed when they did
 * @param drainSeconds from the end of the arrivals until every note was settled (-1: not within the drain timeout)
 * @param intake202 POST to the 202
 * @param receivedToRouted {@code NoteReceived} visible to {@code NoteRouted} visible (read_committed)
 * @param routedToDelivered {@code NoteRouted} visible to {@code NoteDelivered} visible
 * @param endToEndMail POST to the e-mail at the mail server
 * @param endToEndDelivered POST to {@code NoteDelivered} visible
 * @param cores CPU used by each process during the arrivals, in cores (CPU seconds per second)
 */
record StepResult(String phase, double offered, double seconds, double achieved, double ratio, boolean sustainable,
		List<String> reasons, long notes, long accepted, long mailable, long mailed, long errors, long backlogAtEnd,
		double drainSeconds, LatencySummary intake202, LatencySummary receivedToRouted,
		LatencySummary routedToDelivered, LatencySummary endToEndMail, LatencySummary endToEndDelivered,
		Map<String, Double> cores) {

	String line() {
		return String.format(java.util.Locale.ROOT,
				"[bench] %-14s offered %7.1f/s achieved %7.1f/s (%.3f) %s | 202 p50/p99 %.1f/%.1f ms | "
						+ "e2e mail p50/p99/p99.9 %.0f/%.0f/%.0f ms | r->r p50 %.0f, r->d p50 %.0f ms | backlog %d, drain %.1f s %s",
				this.phase, this.offered, this.achieved, this.ratio, this.sustainable ? "OK " : "NO ", this.intake202.p50(),
				this.intake202.p99(), this.endToEndMail.p50(), this.endToEndMail.p99(), this.endToEndMail.p999(),
				this.receivedToRouted.p50(), this.routedToDelivered.p50(), this.backlogAtEnd, this.drainSeconds,
				this.reasons.isEmpty() ? "" : this.reasons.toString());
	}

}
