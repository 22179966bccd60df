package org.valise.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happened in one scenario, before any audit: the submissions and their answers, when the fault healed, what was
 * done when, the poison records written, and whether (and when) the system fell quiet.
 *
 * @param scenario the scenario
 * @param fleet the number of the fleet it ran on
 * @param startedAt when the load started
 * @param healedAt when the fault healed
 * @param submitted every note submitted, settled
 * @param events what was done when
 * @param poisonKeys the keys of the poison records written
 * @param quietAfter how long after the heal the system fell quiet, or null if it did not within the bound
 */
public record ScenarioRun(Scenario scenario, int fleet, Instant startedAt, Instant healedAt, List<NoteLoad.Submitted> submitted,
		List<String> events, List<String> poisonKeys, Duration quietAfter) {

	/** The note ids intake accepted (202), each once. */
	public Set<String> accepted() {
		return this.submitted.stream()
			.filter((s) -> s.result() == NoteLoad.Result.ACCEPTED)
			.map(NoteLoad.Submitted::noteId)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	public long count(NoteLoad.Result result) {
		return this.submitted.stream().filter((s) -> s.result() == result).count();
	}

}
