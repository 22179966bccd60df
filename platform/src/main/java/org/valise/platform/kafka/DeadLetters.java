package org.valise.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What a dead letter says about itself, in headers (plain UTF-8 strings): where the record came from
 * ({@code x-original-*}, as Spring Cloud Stream's binder names them), what was wrong ({@code x-valise-error}, a short
 * code; {@code x-exception-message}, one sentence that never quotes the record; {@code x-exception-fqcn}), at which
 * stage, when, and after how many attempts. The original headers are kept, so that a replay restores the record as
 * it was.
 */
public final class DeadLetters {

	public static final String ORIGINAL_TOPIC = "x-original-topic";

	public static final String ORIGINAL_PARTITION = "x-original-partition";

	public static final String ORIGINAL_OFFSET = "x-original-offset";

	public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";

	/** A short code: not-utf8, not-json, invalid-note, key-mismatch, processing-failed, too-large, ... */
	public static final String ERROR = "x-valise-error";

	/** One sentence naming the field or the exception, never any part of the record. */
	public static final String MESSAGE = "x-exception-message";

	public static final String EXCEPTION = "x-exception-fqcn";

	/** deserialization, processing, production, or a topology's own reading of a record. */
	public static final String STAGE = "x-valise-stage";

	public static final String ATTEMPTS = "x-valise-attempts";

	public static final String FAILED_AT = "x-valise-failed-at";

	/** Set when the record's value was too large to keep in the dead letter: its size in bytes. */
	public static final String VALUE_OMITTED = "x-valise-value-omitted";

	/** Where a replayed dead letter was replayed from ({@code topic-partition@offset}). */
	public static final String REPLAYED_FROM = "x-valise-replayed-from";

	private static final int MAX_MESSAGE = 300;

	private DeadLetters() {
	}

	/**
	 * The headers of a dead letter.
	 * @param original the record's own headers (earlier dead-letter headers are dropped)
	 * @param origin where it was read: topic, partition, offset, timestamp (null: the record's own x-original-*
	 *        headers, from {@link #withOrigin}, are kept)
	 * @param error a short code
	 * @param message one sentence, without any part of the record
	 * @param cause the exception, or null
	 */
	public static Headers headers(Headers original, Origin origin, String stage, String error, String message,
			Throwable cause, int attempts, Instant at) {
		RecordHeaders headers = new RecordHeaders(Arrays.stream((original != null) ? original.toArray() : new Header[0])
			.filter((header) -> !header.key().startsWith("x-valise-") && !header.key().startsWith("x-exception-")
					&& (origin == null || !header.key().startsWith("x-original-")))
			.toArray(Header[]::new));
		if (origin != null) {
			add(headers, ORIGINAL_TOPIC, origin.topic());
			add(headers, ORIGINAL_PARTITION, String.valueOf(origin.partition()));
			add(headers, ORIGINAL_OFFSET, String.valueOf(origin.offset()));
			add(headers, ORIGINAL_TIMESTAMP, String.valueOf(origin.timestamp()));
		}
		add(headers, STAGE, stage);
		add(headers, ERROR, error);
		add(headers, MESSAGE, truncate(message));
		if (cause != null) {
			add(headers, EXCEPTION, cause.getClass().getName());
		}
		add(headers, ATTEMPTS, String.valueOf(attempts));
		add(headers, FAILED_AT, at.toString());
		return headers;
	}

	/**
	 * The headers of a record with where it was read added (once: a record re-read from an internal topic keeps its
	 * first origin), so that a dead letter written further down the topology still says where the record came from.
	 */
	public static Headers withOrigin(Headers original, Origin origin) {
		RecordHeaders headers = new RecordHeaders((original != null) ? original.toArray() : new Header[0]);
		if (origin != null && headers.lastHeader(ORIGINAL_TOPIC) == null) {
			add(headers, ORIGINAL_TOPIC, origin.topic());
			add(headers, ORIGINAL_PARTITION, String.valueOf(origin.partition()));
			add(headers, ORIGINAL_OFFSET, String.valueOf(origin.offset()));
			add(headers, ORIGINAL_TIMESTAMP, String.valueOf(origin.timestamp()));
		}
		return headers;
	}

	/**
	 * What an exception says, safe to keep in a header or a log line: its type and first line, without anything in
	 * quotes (parsers quote the input they choke on) and at most 300 characters.
	 */
	public static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage().lines().findFirst().orElse("") : "";
		message = message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'").replaceAll("\\p{Cntrl}", " ");
		return truncate(root.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message)
				+ ((root != ex) ? " (in " + ex.getClass().getSimpleName() + ")" : ""));
	}

	/** Counts a dead letter ({@code valise_notes_dead_lettered_total{error}}). */
	public static void count(String error) {
		Metrics.counter("valise.notes.dead_lettered", "error", error).increment();
	}

	/** A header's value as text, or null. */
	public static String header(Headers headers, String key) {
		Header header = (headers != null) ? headers.lastHeader(key) : null;
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_MESSAGE) ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
	}

	private static void add(Headers headers, String key, String value) {
		headers.remove(key);
		headers.add(key, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Where a record was read.
	 *
	 * @param topic its topic
	 * @param partition its partition
	 * @param offset its offset
	 * @param timestamp its timestamp
	 */
	public record Origin(String topic, int partition, long offset, long timestamp) {
	}

}
