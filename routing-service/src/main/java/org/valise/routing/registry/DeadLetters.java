package org.valise.routing.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers of a record sent to a dead-letter topic ({@code notes.received.v1.dlq}): the original record's headers,
 * where it came from, and what was wrong, as plain UTF-8 strings, in the {@code x-original-*}/{@code x-exception-*}
 * names of the Spring Cloud Stream binder. Never a stack trace or any part of the body.
 */
final class DeadLetters {

	static final String ORIGINAL_TOPIC = "x-original-topic";

	static final String ORIGINAL_PARTITION = "x-original-partition";

	static final String ORIGINAL_OFFSET = "x-original-offset";

	static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";

	/** A short code: not-utf8, not-json, invalid-note, key-mismatch, processing-failed. */
	static final String ERROR = "x-valise-error";

	/** One sentence naming the field or the exception, never the body. */
	static final String MESSAGE = "x-exception-message";

	static final String EXCEPTION = "x-exception-fqcn";

	static final String ATTEMPTS = "x-valise-attempts";

	static final String FAILED_AT = "x-valise-failed-at";

	private DeadLetters() {
	}

	/** The original headers with the record's position added (kept through the registry topic). */
	static Headers withOrigin(Headers original, RecordMetadata origin, long timestamp) {
		RecordHeaders headers = new RecordHeaders(original.toArray());
		if (headers.lastHeader(ORIGINAL_TOPIC) == null) {
			add(headers, ORIGINAL_TOPIC, origin.topic());
			add(headers, ORIGINAL_PARTITION, String.valueOf(origin.partition()));
			add(headers, ORIGINAL_OFFSET, String.valueOf(origin.offset()));
			add(headers, ORIGINAL_TIMESTAMP, String.valueOf(timestamp));
		}
		return headers;
	}

	/**
	 * Headers for the dead-letter record.
	 * @param original the headers of the record, with its origin
	 * @param error a short code
	 * @param message one sentence, without any part of the body
	 * @param cause the exception, or {@code null}
	 * @param attempts how many times it was tried
	 */
	static Headers of(Headers original, String error, String message, Throwable cause, int attempts, Instant at) {
		RecordHeaders headers = new RecordHeaders(
				Arrays.stream(original.toArray()).filter(h -> !h.key().startsWith("x-valise-")).toArray(Header[]::new));
		headers.remove(MESSAGE);
		headers.remove(EXCEPTION);
		add(headers, ERROR, error);
		add(headers, MESSAGE, message);
		if (cause != null) {
			add(headers, EXCEPTION, cause.getClass().getName());
		}
		add(headers, ATTEMPTS, String.valueOf(attempts));
		add(headers, FAILED_AT, at.toString());
		return headers;
	}

	/** Where an exception was thrown, as "ClassName.method(File.java:42)", for the message. */
	static String whereThrown(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		StackTraceElement[] trace = root.getStackTrace();
		String where = trace.length == 0 ? "unknown place" : trace[0].toString();
		return root.getClass().getSimpleName() + (root == ex ? "" : " (cause of " + ex.getClass().getSimpleName() + ")")
				+ " at " + where;
	}

	private static void add(Headers headers, String key, String value) {
		headers.add(key, value.getBytes(StandardCharsets.UTF_8));
	}

}
