package org.valise.kafka.dlq;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which dead letters were replayed, as the compacted topic {@value #TOPIC} says: one record a replayed dead letter,
 * keyed by its position ({@code dlq-topic-partition@offset}), the latest value winning. Built from the topic's
 * records in order; a record that is not a {@link ReplayMark} (or a tombstone) forgets the position.
 */
final class ReplayLedger {

	static final String TOPIC = "valise.dlq-replays.v1";

	private final Map<String, ReplayMark> marks = new HashMap<>();

	/** Takes one ledger record into account (records must come in the topic's order). */
	void add(String key, String value) {
		if (key == null) {
			return;
		}
		try {
			this.marks.put(key, ReplayMark.parse(value));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			this.marks.remove(key);
		}
	}

	/** The mark of this dead letter, if it was replayed (a mark of another record at its position does not count). */
	Optional<ReplayMark> markOf(DeadLetter deadLetter) {
		return Optional.ofNullable(this.marks.get(deadLetter.position().toString()))
			.filter((mark) -> mark.deadLetterTimestamp() == deadLetter.timestamp());
	}

	/** The mark of a replay about to be recorded: the first, or one more. */
	ReplayMark next(DeadLetter deadLetter, String replayedTo, Instant at) {
		int earlier = markOf(deadLetter).map(ReplayMark::replays).orElse(0);
		return new ReplayMark(replayedTo, at, earlier + 1, deadLetter.timestamp());
	}

}
