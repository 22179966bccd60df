package org.valise.routing.registry;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of a record in Kafka binary mode: {@code ce_*} headers as plain UTF-8 strings.
 */
final class CloudEventHeaders {

	static final String ROUTED_TYPE = "org.valise.note.routed.v1";

	/** Type of the internal routing commands (not part of the published contract). */
	static final String COMMAND_TYPE = "org.valise.routing.command.v1";

	private static final String TRACE_ID = "ce_traceid";

	private final String source;

	/** Headers for events of the given source, e.g. {@code /valise/routing-service}. */
	CloudEventHeaders(String source) {
		this.source = source;
	}

	/**
	 * The headers of a NoteRouted event. Its id is derived from the decision and from what caused it (the received
	 * event's id, or the clerk's command id), so that the same event re-sent keeps its id. The note's trace id, if
	 * the causing record had one, is carried over.
	 */
	Headers routed(NoteRouted routed, String cause, Headers causing) {
		RecordHeaders headers = new RecordHeaders();
		String id = UUID.nameUUIDFromBytes(String
			.join("|", ROUTED_TYPE, routed.noteId(), routed.registryNumber(), String.valueOf(routed.revision()),
					routed.outcome().name(), cause)
			.getBytes(StandardCharsets.UTF_8)).toString();
		add(headers, "ce_specversion", "1.0");
		add(headers, "ce_id", id);
		add(headers, "ce_source", this.source);
		add(headers, "ce_type", ROUTED_TYPE);
		add(headers, "ce_subject", routed.noteId());
		add(headers, "ce_time", routed.routedAt().toString());
		add(headers, "content-type", "application/json");
		Header traceId = causing.lastHeader(TRACE_ID);
		if (traceId != null && traceId.value() != null) {
			headers.add(TRACE_ID, traceId.value());
		}
		return headers;
	}

	/** The headers of a clerk's routing command on the internal commands topic. */
	Headers command(RoutingCommand command) {
		RecordHeaders headers = new RecordHeaders();
		add(headers, "ce_specversion", "1.0");
		add(headers, "ce_id", command.commandId());
		add(headers, "ce_source", this.source);
		add(headers, "ce_type", COMMAND_TYPE);
		add(headers, "ce_subject", command.noteId());
		add(headers, "ce_time", command.requestedAt().toString());
		add(headers, "content-type", "application/json");
		return headers;
	}

	/** The CloudEvents id of a causing record, if it has one. */
	static String idOf(Headers headers) {
		Header id = headers.lastHeader("ce_id");
		return id == null || id.value() == null ? null : new String(id.value(), StandardCharsets.UTF_8);
	}

	private static void add(Headers headers, String key, String value) {
		headers.add(key, value.getBytes(StandardCharsets.UTF_8));
	}

}
