package org.valise.system.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a step's rate is sustainable: the e-mails completed in the steady window are at least 97 % of the notes
 * sent in it (throughput keeps up), the backlog at the step's end is bounded (at most 1 % of the step's notes were
 * sent more than 2 s before the end and still not mailed when it ended), nothing failed (every note accepted, no
 * delivery given up) and everything drained afterwards.
 */
final class Sustainability {

	static final double MIN_RATIO = 0.97;

	static final double MAX_BACKLOG_SHARE = 0.01;

	private Sustainability() {
	}

	/**
	 * @param sentInWindow notes to be mailed, sent in the steady window
	 * @param mailedInWindow notes of the step whose e-mail arrived in that window
	 * @param backlogAtEnd notes of the step sent 2 s or more before its end and not mailed by its end
	 * @param notes notes of the step to be mailed
	 * @param errors notes not accepted, or whose delivery was given up
	 * @param drained whether every note was mailed after the step within the drain timeout
	 * @return the reasons the rate is not sustainable (empty: sustainable)
	 */
	static List<String> reasons(long sentInWindow, long mailedInWindow, long backlogAtEnd, long notes, long errors,
			boolean drained) {
		List<String> reasons = new ArrayList<>();
		double ratio = ratio(sentInWindow, mailedInWindow);
		if (ratio < MIN_RATIO) {
			reasons.add(String.format(java.util.Locale.ROOT, "throughput %.3f of offered", ratio));
		}
		if (backlogAtEnd > Math.max(1, MAX_BACKLOG_SHARE * notes)) {
			reasons.add("backlog " + backlogAtEnd + " at the end");
		}
		if (errors > 0) {
			reasons.add(errors + " errors");
		}
		if (!drained) {
			reasons.add("not drained");
		}
		return reasons;
	}

	/** Completed in the window over sent in it (1 when nothing was sent). */
	static double ratio(long sentInWindow, long mailedInWindow) {
		return (sentInWindow == 0) ? 1.0 : (double) mailedInWindow / sentInWindow;
	}

}
