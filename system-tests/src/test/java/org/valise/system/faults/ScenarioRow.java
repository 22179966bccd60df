package org.valise.system.faults;

import java.util.List;

/**
 * One row of the fault table: what the audit found for a scenario's notes. Every column but accepted, refused and
 * recovery must be zero.
 *
 * @param scenario the scenario's name
 * @param accepted notes intake answered 202 (distinct note ids)
 * @param refused notes intake refused for good (413 and other 4xx: a correct refusal, not a loss)
 * @param unanswered notes that got no answer but errors until the client's retry budget was spent
 * @param lost accepted notes the system no longer holds that did not reach their office, plus poison records that
 * are not in the dead-letter topic
 * @param duplicated events on the topics beyond the one each fact should have (and registry numbers given twice)
 * @param stuck accepted notes the system still holds, not delivered, after the quiet period
 * @param duplicateEmails e-mails beyond the first per delivery
 * @param gaps registry numbers missing from the sequence (over the whole topic)
 * @param lag records the Kafka Streams applications had not consumed at the audit (-1: could not be read)
 * @param recoverySeconds from the heal until every note submitted before it was delivered (null: not all were)
 * @param details what was found, note by note where it matters
 * @param completed false when the scenario could not be carried out (the harness failed, see details)
 */
public record ScenarioRow(String scenario, int accepted, long refused, long unanswered, int lost, int duplicated, int stuck,
		int duplicateEmails, int gaps, long lag, Double recoverySeconds, List<String> details, boolean completed) {

	/** A scenario the harness could not carry out. */
	static ScenarioRow notCompleted(String scenario, Exception ex) {
		return new ScenarioRow(scenario, 0, 0, 0, 0, 0, 0, 0, 0, -1, null,
				List.of("the scenario could not be carried out: " + ex), false);
	}

	/** Whether every checked column is zero. */
	public boolean clean() {
		return this.completed && this.unanswered == 0 && this.lost == 0 && this.duplicated == 0 && this.stuck == 0
				&& this.duplicateEmails == 0 && this.gaps == 0 && this.lag == 0;
	}

}
