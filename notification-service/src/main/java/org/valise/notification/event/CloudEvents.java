package org.valise.notification.event;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

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

	public static final String TRACE_ID = "ce_traceid";

	public static final String CONTENT_TYPE = "content-type";

	/** The source of every event this service writes. */
	public static final String THIS_SOURCE = "/valise/notification-service";

	public static final String NOTE_RECEIVED = "org.valise.note.received.v1";

	public static final String NOTE_ROUTED = "org.valise.note.routed.v1";

	public static final String NOTE_DELIVERED = "org.valise.note.delivered.v1";

	public static final String NOTE_ACKNOWLEDGED = "org.valise.note.acknowledged.v1";

	private CloudEvents() {
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
