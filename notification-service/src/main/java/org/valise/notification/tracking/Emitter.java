package org.valise.notification.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.Commands;
import org.valise.notification.event.CloudEvents;
import org.valise.notification.tracing.NoteTraces;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards what the topology decides to its sink, within the task's Kafka transaction (exactly_once_v2): events to
 * {@code notes.delivery.v1} as CloudEvents, and results to the commands' callers with their correlation id; both
 * carry the note's trace ({@code ce_traceid}, {@code traceparent}).
 */
class Emitter {

	private final ProcessorContext<String, Output> context;

	private final JsonMapper json;

	private final String deliveryTopic;

	private final String resultsTopic;

	Emitter(ProcessorContext<String, Output> context, JsonMapper json, String deliveryTopic, String resultsTopic) {
		this.context = context;
		this.json = json;
		this.deliveryTopic = deliveryTopic;
		this.resultsTopic = resultsTopic;
	}

	/** Publishes an event about a note; returns its JSON. */
	String event(UUID noteId, String type, String eventId, Instant time, Object body, String traceId) {
		String value = this.json.writeValueAsString(body);
		this.context.forward(new Record<>(noteId.toString(), new Output(this.deliveryTopic, value),
				this.context.currentSystemTimeMs(), CloudEvents.headers(type, eventId, noteId, time, traceId)));
		return value;
	}

	/** Answers a command whose caller waits (a correlation id came with it); does nothing otherwise. */
	void reply(byte[] correlationId, CommandResult result) {
		if (correlationId == null) {
			return;
		}
		RecordHeaders headers = new RecordHeaders();
		headers.add(Commands.CORRELATION_HEADER, correlationId);
		headers.add(Commands.TYPE_HEADER, "CommandResult".getBytes(StandardCharsets.UTF_8));
		NoteTraces.addTo(headers, NoteTraces.current(), result.commandId());
		this.context.forward(new Record<>(result.noteId().toString(),
				new Output(this.resultsTopic, this.json.writeValueAsString(result)), this.context.currentSystemTimeMs(),
				headers));
	}

}
