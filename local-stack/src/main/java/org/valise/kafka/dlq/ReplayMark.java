package org.valise.kafka.dlq;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the replay ledger keeps of a replayed dead letter (the value of its record, the dead letter's position being
 * the key): where it was replayed to, when, how many times, and the dead letter's timestamp, so that a dead letter
 * at the same position of a re-created topic is not taken for the replayed one. Written as
 * {@code replayed-to=T-P@O;replayed-at=ISO-8601;replays=N;dead-letter-timestamp=MILLIS}, readable with kcat.
 *
 * @param replayedTo where the last replay was written ({@code topic-partition@offset})
 * @param replayedAt when
 * @param replays how many times it was replayed
 * @param deadLetterTimestamp the dead letter's timestamp
 */
record ReplayMark(String replayedTo, Instant replayedAt, int replays, long deadLetterTimestamp) {

	String format() {
		return "replayed-to=" + this.replayedTo + ";replayed-at=" + this.replayedAt + ";replays=" + this.replays
				+ ";dead-letter-timestamp=" + this.deadLetterTimestamp;
	}

	/**
	 * Reads a ledger record's value.
	 * @throws IllegalArgumentException when it is not one that {@link #format()} wrote
	 */
	static ReplayMark parse(String text) {
		Map<String, String> fields = new HashMap<>();
		for (String field : text.split(";")) {
			int equals = field.indexOf('=');
			if (equals > 0) {
				fields.put(field.substring(0, equals), field.substring(equals + 1));
			}
		}
		try {
			return new ReplayMark(required(fields, "replayed-to"), Instant.parse(required(fields, "replayed-at")),
					Integer.parseInt(required(fields, "replays")),
					Long.parseLong(required(fields, "dead-letter-timestamp")));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a replay mark: " + ex.getMessage(), ex);
		}
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return value;
	}

}
