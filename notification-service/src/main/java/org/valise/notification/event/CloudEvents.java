package org.valise.notification.event;

import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.valise.notification.tracing.NoteTraces;

/**
 * The CloudEvents 1.0 attributes (Kafka binary mode: {@code ce_*} headers with plain UTF-8 values) and event types
 * of the contract.
 */
public final class CloudEvents {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String SUBJECT = "ce_subject";

	public static final String TIME = "ce_time";

	public static final String TRACE_ID = NoteTraces.TRACE_ID;

	public static final String CONTENT_TYPE = "content-type";

	/** The source of every event this service writes. */
	public static final String THIS_SOURCE = "/valise/notification-service";

	public static final String NOTE_RECEIVED = "org.valise.note.received.v1";

	public static final String NOTE_ROUTED = "org.valise.note.routed.v1";

	public static final String NOTE_DELIVERED = "org.valise.note.delivered.v1";

	public static final String NOTE_ACKNOWLEDGED = "org.valise.note.acknowledged.v1";

	public static final String NOTE_DELIVERY_FAILED = "org.valise.note.delivery-failed.v1";

	public static final String NOTE_ESCALATED = "org.valise.note.escalated.v1";

	public static final String RECEIPT_DRAFTED = "org.valise.note.receipt-drafted.v1";

	/** The event types this service writes, all on {@code notes.delivery.v1}. */
	public static final List<String> WRITTEN = List.of(NOTE_DELIVERED, NOTE_ACKNOWLEDGED, NOTE_DELIVERY_FAILED,
			NOTE_ESCALATED, RECEIPT_DRAFTED);

	/** The event types this service reads: NoteReceived on {@code notes.received.v1}, NoteRouted on {@code notes.routed.v1}. */
	public static final List<String> READ = List.of(NOTE_RECEIVED, NOTE_ROUTED);

	private CloudEvents() {
	}

	/**
	 * The headers of an event this service writes: plain UTF-8 values, as the contract wants.
	 * @param type the {@code ce_type}
	 * @param eventId the {@code ce_id}
	 * @param noteId the note (also the record key)
	 * @param time when the fact happened
	 * @param traceId the note's trace id, or null; with it come {@code ce_traceid} and {@code traceparent}
	 */
	public static Headers headers(String type, String eventId, UUID noteId, Instant time, String traceId) {
		RecordHeaders headers = new RecordHeaders();
		add(headers, SPEC_VERSION, "1.0");
		add(headers, ID, eventId);
		add(headers, SOURCE, THIS_SOURCE);
		add(headers, TYPE, type);
		add(headers, SUBJECT, noteId.toString());
		add(headers, TIME, time.toString());
		add(headers, CONTENT_TYPE, "application/json");
		NoteTraces.addTo(headers, traceId, eventId);
		return headers;
	}

	/** A name-based UUID: the same parts always give the same id, so a re-sent event keeps its {@code ce_id}. */
	public static String stableId(String kind, Object... parts) {
		StringBuilder name = new StringBuilder(kind);
		for (Object part : parts) {
			name.append('|').append(part);
		}
		return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static void add(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/** The last value of a header as text, or null when absent. */
	public static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? text(header.value()) : null;
	}

	/**
	 * A header value as text, whether a header mapper handed it over as bytes or as a string; null when absent.
	 */
	public static String text(Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

}
