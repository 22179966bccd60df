package org.valise.kafka.dlq;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayRulesTests {

	private static final DeadLetterTopics TOPICS = new DeadLetterTopics(DeadLetterTopics.DEFAULTS);

	private static final Set<String> EXISTING = Set.of("notes.received.v1", "routing.commands.v1",
			"notes.received.v1.dlq", "notification.dlq.v1", "routing-service-registry-repartition");

	private final ReplayLedger ledger = new ReplayLedger();

	@Test
	void replaysAReadableDeadLetterOfAnExistingTopic() {
		Verdict verdict = rules(false).judge(DeadLetterSamples.unreadableNote().build());

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REPLAY);
		assertThat(verdict.reason()).isNull();
	}

	@Test
	void refusesADeadLetterThatDoesNotNameItsOriginalTopic() {
		assertThat(rules(false).judge(DeadLetterSamples.unreadableNote().originalTopic(null).build()))
			.extracting(Verdict::outcome, Verdict::reason)
			.containsExactly(Verdict.Outcome.REFUSED, "it has no x-original-topic header: where it came from is unknown");
		assertThat(rules(false).judge(DeadLetterSamples.unreadableNote().originalTopic(" ").build()).outcome())
			.isEqualTo(Verdict.Outcome.REFUSED);
	}

	@Test
	void refusesADeadLetterWhoseOriginalTopicIsADeadLetterTopic() {
		for (String topic : List.of("notification.dlq.v1", "notes.routed.v1.dlq", "orders-dlt")) {
			Verdict verdict = rules(false).judge(DeadLetterSamples.unreadableNote().originalTopic(topic).build());

			assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REFUSED);
			assertThat(verdict.reason()).isEqualTo("its x-original-topic " + topic + " is a dead-letter topic");
		}
	}

	@Test
	void refusesADeadLetterReadFromAKafkaStreamsInternalTopic() {
		Verdict verdict = rules(false).judge(DeadLetterSamples.unreadableNote()
			.originalTopic("routing-service-registry-repartition").stage("processing").build());

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REFUSED);
		assertThat(verdict.reason()).contains("internal to a Kafka Streams application");
	}

	@Test
	void refusesADeadLetterOfAFailedProductionWhoseValueIsTheTopologysOutput() {
		Verdict verdict = rules(false).judge(DeadLetterSamples.unreadableNote()
			.stage("production to notes.routed.v1").error("too-large").build());

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REFUSED);
		assertThat(verdict.reason()).isEqualTo("it failed at production to notes.routed.v1: its value is the record the "
				+ "topology tried to write, not the one it read from notes.received.v1");
	}

	@Test
	void refusesADeadLetterWhoseValueWasOmittedAndSaysTheSenderMustSendItAgain() {
		Verdict verdict = rules(false).judge(DeadLetterSamples.unreadableNote().valueOmitted(2_000_000).build());

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REFUSED);
		assertThat(verdict.reason()).isEqualTo("its value (2000000 bytes) was too large to keep in the dead letter and "
				+ "cannot be replayed: the sender must send the record again");
	}

	@Test
	void refusesADeadLetterWithoutValueRatherThanWriteATombstone() {
		Verdict verdict = rules(false).judge(DeadLetterSamples.unreadableNote().value(null).build());

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REFUSED);
		assertThat(verdict.reason()).isEqualTo("it has no value: a replay would be a tombstone");
	}

	@Test
	void refusesADeadLetterWhoseOriginalTopicDoesNotExist() {
		Verdict verdict = rules(false).judge(DeadLetterSamples.unreadableNote().originalTopic("notes.gone.v1").build());

		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.REFUSED);
		assertThat(verdict.reason()).isEqualTo("its original topic notes.gone.v1 does not exist");
	}

	@Test
	void holdsBackADeadLetterReplayedBeforeUnlessAgain() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().build();
		this.ledger.add("notes.received.v1.dlq-0@3",
				new ReplayMark("notes.received.v1-1@99", Instant.parse("2026-01-01T10:00:00Z"), 1,
						deadLetter.timestamp()).format());

		Verdict once = rules(false).judge(deadLetter);
		Verdict again = rules(true).judge(deadLetter);

		assertThat(once.outcome()).isEqualTo(Verdict.Outcome.ALREADY_REPLAYED);
		assertThat(once.reason()).isEqualTo("it was already replayed to notes.received.v1-1@99 at 2026-01-01T10:00:00Z "
				+ "(--again replays it once more)");
		assertThat(again.outcome()).isEqualTo(Verdict.Outcome.REPLAY);
	}

	@Test
	void takesNoMarkOfAnotherRecordAtTheSamePositionForAReplay() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().build();
		this.ledger.add("notes.received.v1.dlq-0@3",
				new ReplayMark("notes.received.v1-1@99", Instant.parse("2026-01-01T10:00:00Z"), 1,
						deadLetter.timestamp() - 86_400_000L).format());

		assertThat(rules(false).judge(deadLetter).outcome()).isEqualTo(Verdict.Outcome.REPLAY);
	}

	private ReplayRules rules(boolean again) {
		return new ReplayRules(TOPICS, EXISTING, this.ledger, again);
	}

}
