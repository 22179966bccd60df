package org.valise.kafka.dlq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a {@code replay} does with the dead letters it names. Named ones ({@code --offset}) go back all together or
 * not at all: one refused, already replayed or missing, and none is replayed. With {@code --all}, every replayable
 * one goes back, those replayed before are skipped and the others are reported as refused.
 *
 * @param selection what was named
 * @param verdicts one per named dead letter (a missing one is refused), in the order named or read
 */
record ReplayPlan(ReplaySelection selection, List<Verdict> verdicts) {

	ReplayPlan {
		verdicts = List.copyOf(verdicts);
	}

	/**
	 * @param deadLetters every dead letter of the selection's topic
	 */
	static ReplayPlan of(ReplaySelection selection, List<DeadLetter> deadLetters, ReplayRules rules) {
		List<Verdict> verdicts = new ArrayList<>();
		if (selection.all()) {
			deadLetters.stream().filter(selection::includes).map(rules::judge).forEach(verdicts::add);
		}
		else {
			Map<DeadLetterPosition, DeadLetter> byPosition = deadLetters.stream()
				.collect(Collectors.toMap(DeadLetter::position, Function.identity(), (first, second) -> first));
			for (DeadLetterPosition position : selection.positions()) {
				DeadLetter deadLetter = byPosition.get(position);
				verdicts.add((deadLetter != null) ? rules.judge(deadLetter) : new Verdict(position, null,
						Verdict.Outcome.REFUSED, "there is no dead letter at " + position + " (read committed)"));
			}
		}
		return new ReplayPlan(selection, verdicts);
	}

	/** The dead letters that go back to their topics. */
	List<DeadLetter> toReplay() {
		if (!this.selection.all() && !refused().isEmpty()) {
			return List.of();
		}
		return this.verdicts.stream().filter((v) -> v.outcome() == Verdict.Outcome.REPLAY).map(Verdict::deadLetter)
			.toList();
	}

	/** The verdicts that make the replay exit with 1: refusals, and named dead letters replayed before. */
	List<Verdict> refused() {
		return this.verdicts.stream().filter((v) -> v.outcome() == Verdict.Outcome.REFUSED
				|| (v.outcome() == Verdict.Outcome.ALREADY_REPLAYED && !this.selection.all())).toList();
	}

	/** With {@code --all}: the dead letters left alone because they were replayed before. */
	List<Verdict> skipped() {
		return this.selection.all() ? this.verdicts.stream()
			.filter((v) -> v.outcome() == Verdict.Outcome.ALREADY_REPLAYED).toList() : List.of();
	}

}
