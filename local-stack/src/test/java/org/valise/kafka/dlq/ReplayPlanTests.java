package org.valise.kafka.dlq;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayPlanTests {

	private static final String DLQ = "notes.received.v1.dlq";

	private final DeadLetter first = DeadLetterSamples.unreadableNote().at(DLQ, 0, 3).key("note-1").build();

	private final DeadLetter omitted = DeadLetterSamples.unreadableNote().at(DLQ, 1, 0).key("note-2")
		.valueOmitted(2_000_000).error("too-large").build();

	private final DeadLetter failed = DeadLetterSamples.unreadableNote().at(DLQ, 2, 5).key("note-3")
		.stage("registry desk").error("processing-failed").build();

	private final DeadLetter replayedBefore = DeadLetterSamples.unreadableNote().at(DLQ, 2, 6).key("note-4")
		.error("processing-failed").build();

	private final List<DeadLetter> topic = List.of(this.first, this.omitted, this.failed, this.replayedBefore);

	private final ReplayLedger ledger = new ReplayLedger();

	ReplayPlanTests() {
		this.ledger.add(DLQ + "-2@6", new ReplayMark("notes.received.v1-0@8", Instant.parse("2026-01-01T10:00:00Z"), 1,
				this.replayedBefore.timestamp()).format());
	}

	@Test
	void replaysNamedDeadLettersInTheOrderNamed() {
		ReplayPlan plan = plan(named("2@5", "0@3"));

		assertThat(plan.toReplay()).containsExactly(this.failed, this.first);
		assertThat(plan.refused()).isEmpty();
	}

	@Test
	void replaysNoneOfTheNamedWhenOneIsRefused() {
		ReplayPlan plan = plan(named("0@3", "1@0"));

		assertThat(plan.toReplay()).isEmpty();
		assertThat(plan.refused()).extracting(Verdict::position).containsExactly(this.omitted.position());
	}

	@Test
	void refusesANamedPositionWhereThereIsNoDeadLetter() {
		ReplayPlan plan = plan(named("0@3", "0@4"));

		assertThat(plan.toReplay()).isEmpty();
		assertThat(plan.refused()).singleElement().satisfies((verdict) -> {
			assertThat(verdict.deadLetter()).isNull();
			assertThat(verdict.reason()).isEqualTo("there is no dead letter at " + DLQ + "-0@4 (read committed)");
		});
	}

	@Test
	void refusesANamedDeadLetterReplayedBefore() {
		ReplayPlan plan = plan(named("2@6"));

		assertThat(plan.toReplay()).isEmpty();
		assertThat(plan.refused()).extracting(Verdict::outcome).containsExactly(Verdict.Outcome.ALREADY_REPLAYED);
		assertThat(plan.skipped()).isEmpty();
	}

	@Test
	void replaysEveryReplayableDeadLetterWithAllSkipsTheReplayedAndReportsTheRefused() {
		ReplayPlan plan = plan(new ReplaySelection(DLQ, List.of(), null));

		assertThat(plan.toReplay()).containsExactly(this.first, this.failed);
		assertThat(plan.refused()).extracting(Verdict::position).containsExactly(this.omitted.position());
		assertThat(plan.skipped()).extracting(Verdict::position).containsExactly(this.replayedBefore.position());
	}

	@Test
	void replaysOnlyTheDeadLettersOfTheGivenErrorWithAll() {
		ReplayPlan plan = plan(new ReplaySelection(DLQ, List.of(), "processing-failed"));

		assertThat(plan.toReplay()).containsExactly(this.failed);
		assertThat(plan.refused()).isEmpty();
		assertThat(plan.skipped()).hasSize(1);
	}

	private ReplayPlan plan(ReplaySelection selection) {
		return ReplayPlan.of(selection, this.topic, new ReplayRules(new DeadLetterTopics(DeadLetterTopics.DEFAULTS),
				Set.of("notes.received.v1", DLQ), this.ledger, false));
	}

	private static ReplaySelection named(String... positions) {
		return new ReplaySelection(DLQ, List.of(positions).stream()
			.map((position) -> DeadLetterPosition.parse(DLQ, position)).toList(), null);
	}

}
