package org.valise.kafka.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead letters for the tests, with the headers in the order and form that platform's {@code DeadLetters.headers}
 * writes them: the original record's own headers first, then where it was read, the stage, the error, the message,
 * the exception, the attempts and the time of the failure.
 */
final class DeadLetterSamples {

	static final String NOTE_JSON = "{\"noteId\":\"note-1\",\"text\":\"The Permanent Mission presents its compliments\"}";

	private DeadLetterSamples() {
	}

	/** An unreadable note of notes.received.v1 (partition 1, offset 17), dead-lettered while reading it. */
	static Builder unreadableNote() {
		return new Builder();
	}

	/** A dead letter under construction. */
	static final class Builder {

		private DeadLetterPosition position = new DeadLetterPosition("notes.received.v1.dlq", 0, 3);

		private long timestamp = 1_767_225_600_000L;

		private String key = "note-1";

		private byte[] value = NOTE_JSON.getBytes(StandardCharsets.UTF_8);

		private String originalTopic = "notes.received.v1";

		private String stage = "reading";

		private String error = "not-json";

		private String omitted;

		Builder at(String topic, int partition, long offset) {
			this.position = new DeadLetterPosition(topic, partition, offset);
			return this;
		}

		Builder timestamp(long timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		Builder key(String key) {
			this.key = key;
			return this;
		}

		Builder value(String value) {
			this.value = (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null;
			return this;
		}

		/** Left out by the writer as too large: no value, its size in {@code x-valise-value-omitted}. */
		Builder valueOmitted(int size) {
			this.value = null;
			this.omitted = String.valueOf(size);
			return this;
		}

		Builder originalTopic(String topic) {
			this.originalTopic = topic;
			return this;
		}

		Builder stage(String stage) {
			this.stage = stage;
			return this;
		}

		Builder error(String error) {
			this.error = error;
			return this;
		}

		byte[] keyBytes() {
			return (this.key != null) ? this.key.getBytes(StandardCharsets.UTF_8) : null;
		}

		byte[] valueBytes() {
			return this.value;
		}

		Headers headers() {
			RecordHeaders headers = new RecordHeaders();
			add(headers, "ce_id", "6a1f0c1e-received");
			add(headers, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
			if (this.originalTopic != null) {
				add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, this.originalTopic);
				add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, "1");
				add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, "17");
				add(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, "1767225599000");
			}
			add(headers, DeadLetterHeaders.STAGE, this.stage);
			add(headers, DeadLetterHeaders.ERROR, this.error);
			add(headers, DeadLetterHeaders.MESSAGE, "JsonParseException: Unexpected character at line 1, column 2");
			add(headers, DeadLetterHeaders.EXCEPTION, "tools.jackson.core.exc.StreamReadException");
			add(headers, DeadLetterHeaders.ATTEMPTS, "1");
			add(headers, DeadLetterHeaders.FAILED_AT, Instant.ofEpochMilli(this.timestamp).toString());
			if (this.omitted != null) {
				add(headers, DeadLetterHeaders.VALUE_OMITTED, this.omitted);
			}
			return headers;
		}

		DeadLetter build() {
			return new DeadLetter(this.position, this.timestamp, keyBytes(), this.value, headers());
		}

		private static void add(Headers headers, String key, String value) {
			headers.add(key, value.getBytes(StandardCharsets.UTF_8));
		}

	}

}
