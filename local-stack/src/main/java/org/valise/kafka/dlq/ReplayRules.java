package org.valise.kafka.dlq;

import java.util.Optional;
import java.util.Set;

/**
 * Which dead letters may go back to their original topic, tried in this order: the dead letter names its original
 * topic; that topic is neither a dead-letter topic nor a Kafka Streams application's internal topic; the value is
 * the record that was read there (not, as after a failed production, the record the topology tried to write); the
 * value was kept and is not empty; the topic exists; and the dead letter was not replayed before, unless
 * {@code --again}.
 */
final class ReplayRules {

	private final DeadLetterTopics deadLetterTopics;

	private final Set<String> existingTopics;

	private final ReplayLedger ledger;

	private final boolean again;

	ReplayRules(DeadLetterTopics deadLetterTopics, Set<String> existingTopics, ReplayLedger ledger, boolean again) {
		this.deadLetterTopics = deadLetterTopics;
		this.existingTopics = Set.copyOf(existingTopics);
		this.ledger = ledger;
		this.again = again;
	}

	Verdict judge(DeadLetter deadLetter) {
		Optional<String> original = deadLetter.originalTopic();
		if (original.isEmpty()) {
			return Verdict.refused(deadLetter, "it has no " + DeadLetterHeaders.ORIGINAL_TOPIC
					+ " header: where it came from is unknown");
		}
		String topic = original.get();
		if (this.deadLetterTopics.isDeadLetterTopic(topic)) {
			return Verdict.refused(deadLetter, "its " + DeadLetterHeaders.ORIGINAL_TOPIC + " " + topic
					+ " is a dead-letter topic");
		}
		if (DeadLetterTopics.isStreamsInternal(topic)) {
			return Verdict.refused(deadLetter, "its " + DeadLetterHeaders.ORIGINAL_TOPIC + " " + topic
					+ " is internal to a Kafka Streams application, which alone writes there");
		}
		String stage = deadLetter.header(DeadLetterHeaders.STAGE);
		if (stage != null && stage.startsWith("production")) {
			return Verdict.refused(deadLetter, "it failed at " + stage + ": its value is the record the topology "
					+ "tried to write, not the one it read from " + topic);
		}
		Optional<String> omitted = deadLetter.omittedValueSize();
		if (omitted.isPresent()) {
			return Verdict.refused(deadLetter, "its value (" + omitted.get() + " bytes) was too large to keep in the "
					+ "dead letter and cannot be replayed: the sender must send the record again");
		}
		if (deadLetter.value() == null) {
			return Verdict.refused(deadLetter, "it has no value: a replay would be a tombstone");
		}
		if (!this.existingTopics.contains(topic)) {
			return Verdict.refused(deadLetter, "its original topic " + topic + " does not exist");
		}
		Optional<ReplayMark> mark = this.ledger.markOf(deadLetter);
		if (mark.isPresent() && !this.again) {
			return new Verdict(deadLetter.position(), deadLetter, Verdict.Outcome.ALREADY_REPLAYED,
					"it was already replayed to " + mark.get().replayedTo() + " at " + mark.get().replayedAt()
							+ " (--again replays it once more)");
		}
		return Verdict.replay(deadLetter);
	}

}
