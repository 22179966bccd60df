package org.valise.kafka.dlq;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One record of a dead-letter topic, as read: where it is, and the original record's key, value and headers with
 * what the dead-letter writer added ({@link DeadLetterHeaders}).
 *
 * @param position where it is in its dead-letter topic
 * @param timestamp its timestamp (tells it apart from a record at the same position of a re-created topic)
 * @param key the original record's key, or null
 * @param value the original record's value; null when it was omitted or the record had none
 * @param headers the original record's headers and the dead-letter headers
 */
record DeadLetter(DeadLetterPosition position, long timestamp, byte[] key, byte[] value, Headers headers) {

	static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
		return new DeadLetter(new DeadLetterPosition(record.topic(), record.partition(), record.offset()),
				record.timestamp(), record.key(), record.value(), record.headers());
	}

	/** A dead-letter header as text, or null. */
	String header(String name) {
		return DeadLetterHeaders.text(this.headers, name);
	}

	/** The topic the record was read from, if the dead letter names it. */
	Optional<String> originalTopic() {
		return Optional.ofNullable(header(DeadLetterHeaders.ORIGINAL_TOPIC)).filter((topic) -> !topic.isBlank());
	}

	/** Where the record was read, {@code topic-partition@offset}, or "?" for what the dead letter does not say. */
	String origin() {
		return originalTopic().orElse("?") + "-" + orUnknown(header(DeadLetterHeaders.ORIGINAL_PARTITION)) + "@"
				+ orUnknown(header(DeadLetterHeaders.ORIGINAL_OFFSET));
	}

	/** The value's size in bytes when the writer left it out (too large), if it did. */
	Optional<String> omittedValueSize() {
		return Optional.ofNullable(header(DeadLetterHeaders.VALUE_OMITTED));
	}

	/** The error code, or "?". */
	String error() {
		return orUnknown(header(DeadLetterHeaders.ERROR));
	}

	private static String orUnknown(String text) {
		return (text == null || text.isBlank()) ? "?" : text;
	}

}
