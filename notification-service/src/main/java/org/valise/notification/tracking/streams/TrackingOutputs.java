package org.valise.notification.tracking.streams;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.Commands;
import org.valise.notification.delivery.DeliveryJob;
import org.valise.notification.event.EventTypes;
import org.valise.notification.tracking.Dispatch;
import org.valise.notification.tracking.Emitted;
import org.valise.notification.tracking.NoteTracking;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.tracing.RecordTraces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Writes what the desk decided as records: events as CloudEvents (binary mode, with {@code ce_dataschema}), delivery
 * jobs, answers to commands with their correlation id — each carrying the note's trace on. Keeps every record and
 * every stored state within the one record-size limit: a state too large loses what its topics keep anyway
 * ({@link NoteTracking#slimmed()}), a job too large leaves the note's text out (the e-mail says where to read it).
 */
final class TrackingOutputs {

	private static final Logger log = LoggerFactory.getLogger(TrackingOutputs.class);

	/** Room left in a record for its key, headers and the batch's overhead. */
	private static final int RESERVE = 16 * 1024;

	private final JsonMapper json;

	private final CloudEventHeaders cloudEvents;

	private final RecordTraces traces;

	private final int maxValueBytes;

	TrackingOutputs(JsonMapper json, CloudEventHeaders cloudEvents, RecordTraces traces, int maxRecordBytes) {
		this.json = TrackingStores.storeMapper(json);
		this.cloudEvents = cloudEvents;
		this.traces = traces;
		this.maxValueBytes = Math.max(4096, maxRecordBytes - RESERVE);
	}

	JsonMapper json() {
		return this.json;
	}

	/**
	 * The state to store, encoded once: as it is, or slimmed when it would not fit in its changelog's record.
	 */
	Stored fit(NoteTracking tracking) {
		byte[] json = this.json.writeValueAsBytes(tracking);
		if (json.length <= this.maxValueBytes) {
			return new Stored(tracking, json);
		}
		log.warn("The tracking state of note {} ({} bytes) is over {} bytes: kept without evidence and sentences",
				tracking.noteId(), json.length, this.maxValueBytes);
		NoteTracking slimmed = tracking.slimmed();
		return new Stored(slimmed, this.json.writeValueAsBytes(slimmed));
	}

	Record<String, Outgoing> event(Emitted event, Headers causing, long timestamp) {
		Headers headers = this.cloudEvents.headers(event.eventId(), event.type(), event.noteId().toString(),
				event.time(), EventTypes.WRITTEN.get(event.type()), event.traceId());
		this.traces.carryOver(causing, headers);
		return new Record<>(event.noteId().toString(),
				new Outgoing(Outgoing.EVENTS, this.json.writeValueAsBytes(event.body())), timestamp, headers);
	}

	Record<String, Outgoing> dispatch(Dispatch dispatch, byte[] routed, String text, Headers causing,
			long timestamp) {
		DeliveryJob job = new DeliveryJob(dispatch.deliveryId(), dispatch.round(), dispatch.attempt(),
				dispatch.noteId().value(), dispatch.registryNumber(), dispatch.purpose().name(), dispatch.level(),
				dispatch.office(), dispatch.channel(), dispatch.address(), dispatch.eventType(), dispatch.eventId(),
				dispatch.traceId(), dispatch.priority(), dispatch.escalation(), tree(routed), text, false);
		byte[] value = this.json.writeValueAsBytes(job);
		if (value.length > this.maxValueBytes) {
			log.warn("Delivery {} of note {} ({} bytes) is over {} bytes: sent without the note's text",
					dispatch.deliveryId(), dispatch.noteId(), value.length, this.maxValueBytes);
			value = this.json.writeValueAsBytes(job.withoutText());
		}
		RecordHeaders headers = new RecordHeaders();
		this.traces.carryOver(causing, headers);
		return new Record<>(dispatch.noteId().toString(), new Outgoing(Outgoing.DISPATCHES, value), timestamp,
				headers);
	}

	Record<String, Outgoing> reply(CommandResult result, byte[] correlationId, Headers causing, long timestamp) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Commands.CORRELATION_HEADER, correlationId);
		headers.add(Commands.TYPE_HEADER, "CommandResult".getBytes(StandardCharsets.UTF_8));
		this.traces.carryOver(causing, headers);
		return new Record<>(result.noteId().toString(),
				new Outgoing(Outgoing.RESULTS, this.json.writeValueAsBytes(result)), timestamp, headers);
	}

	/** A note's state and its JSON as the {@code note-tracking} store keeps it. */
	record Stored(NoteTracking tracking, byte[] json) {
	}

	/**
	 * The routing in force as the job carries it: its JSON as the topic had it, copied in verbatim (it was read as a
	 * NoteRouted before it was stored, so it is JSON), rather than parsed into a tree here to be written out again.
	 */
	private JsonNode tree(byte[] routed) {
		if (routed == null) {
			return null;
		}
		return this.json.getNodeFactory().rawValueNode(new RawValue(new String(routed, StandardCharsets.UTF_8)));
	}

}
