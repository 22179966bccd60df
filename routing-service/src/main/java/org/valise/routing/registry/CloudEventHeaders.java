package org.valise.routing.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of a record in Kafka binary mode: {@code ce_*} headers as plain UTF-8 strings.
 */
final class CloudEventHeaders {

	static final String ROUTED_TYPE = "org.valise.note.routed.v1";

	private static final String TRACE_ID = "ce_traceid";

	private final String source;

	/** Headers for events of the given source, e.g. {@code /valise/routing-service}. */
	CloudEventHeaders(String source) {
		this.source = source;
	}

	/**
	 * The headers of a NoteRouted event; its id is derived from the registry number, so that the same event re-sent
	 * keeps its id. The note's trace id, if the received record had one, is carried over.
	 */
	Headers routed(String noteId, RegistryNumber number, Instant routedAt, Headers received) {
		RecordHeaders headers = new RecordHeaders();
		String id = UUID.nameUUIDFromBytes((ROUTED_TYPE + "|" + noteId + "|" + number).getBytes(StandardCharsets.UTF_8))
			.toString();
		add(headers, "ce_specversion", "1.0");
		add(headers, "ce_id", id);
		add(headers, "ce_source", this.source);
		add(headers, "ce_type", ROUTED_TYPE);
		add(headers, "ce_subject", noteId);
		add(headers, "ce_time", routedAt.toString());
		add(headers, "content-type", "application/json");
		Header traceId = received.lastHeader(TRACE_ID);
		if (traceId != null && traceId.value() != null) {
			headers.add(TRACE_ID, traceId.value());
		}
		return headers;
	}

	private static void add(Headers headers, String key, String value) {
		headers.add(key, value.getBytes(StandardCharsets.UTF_8));
	}

}
