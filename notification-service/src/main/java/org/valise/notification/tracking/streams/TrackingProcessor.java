package org.valise.notification.tracking.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.valise.notification.tracking.DeskResult;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.OutboxChange;
import org.valise.notification.tracking.TrackingDesk;
import org.valise.platform.tracing.RecordTraces;

/**
 * The tracking desk's adapter in the topology, one per task (a partition of the note topics, co-partitioned, so it
 * sees every record about its notes in order): reads the stores, asks the {@link TrackingDesk}, writes what the desk
 * changed and forwards what it publishes, dispatches and answers; on wall-clock punctuations, asks it about the
 * deliveries and escalations that fell due. Store updates, outputs and input offsets commit in one Kafka transaction.
 */
final class TrackingProcessor implements Processor<String, TrackingInput, String, Outgoing> {

	/** The most due deliveries or escalations one punctuation takes (the rest, at the next). */
	private static final int MAX_DUE = 500;

	private final TrackingDesk desk;

	private final TrackingOutputs outputs;

	private final RecordTraces traces;

	private final DeskReport report;

	private final Duration dueInterval;

	private final Duration escalationInterval;

	private ProcessorContext<String, Outgoing> context;

	private StoreView view;

	private KeyValueStore<String, byte[]> routings;

	private KeyValueStore<String, String> texts;

	TrackingProcessor(TrackingDesk desk, TrackingOutputs outputs, RecordTraces traces, DeskReport report,
			Duration dueInterval, Duration escalationInterval) {
		this.desk = desk;
		this.outputs = outputs;
		this.traces = traces;
		this.report = report;
		this.dueInterval = dueInterval;
		this.escalationInterval = escalationInterval;
	}

	@Override
	public void init(ProcessorContext<String, Outgoing> context) {
		this.context = context;
		this.view = new StoreView(context, this.outputs.json());
		this.routings = context.getStateStore(TrackingStores.ROUTINGS);
		this.texts = context.getStateStore(TrackingStores.TEXTS);
		context.schedule(this.dueInterval, PunctuationType.WALL_CLOCK_TIME,
				(time) -> due(this.view.dueDeliveries(Instant.ofEpochMilli(time), MAX_DUE), List.of(), time));
		context.schedule(this.escalationInterval, PunctuationType.WALL_CLOCK_TIME,
				(time) -> due(List.of(), this.view.dueEscalations(Instant.ofEpochMilli(time), MAX_DUE), time));
	}

	@Override
	public void process(Record<String, TrackingInput> record) {
		TrackingInput input = record.value();
		if (input == null) {
			return;
		}
		this.view.begin();
		if (input.kind() == TrackingInput.Kind.REFUSED) {
			this.context.forward(new Record<>(record.key(), new Outgoing(Outgoing.DEAD_LETTERS, input.deadLetter()),
					record.timestamp(), record.headers()));
			return;
		}
		Headers trace = traceOf(input, record.headers());
		try (RecordTraces.Processing span = this.traces.processing("track-note", trace)) {
			Instant now = Instant.ofEpochMilli(this.context.currentSystemTimeMs());
			DeskResult result = decide(input, trace, now);
			if (input.kind() == TrackingInput.Kind.RECEIVED && input.received().text() != null) {
				this.texts.put(input.noteId().toString(), input.received().text());
			}
			if (result.routingInForce()) {
				this.routings.put(input.noteId().toString(), input.routedJson());
			}
			apply(result, trace, input.correlationId());
			if (result.routingInForce()) {
				this.report.routed(this.view.tracking(input.noteId()));
			}
		}
	}

	/**
	 * The trace a record is processed in: a note event's own; for a command (an office's acknowledgement, an attempt's
	 * outcome, an operator's retry), the note's trace, so that every fact about a note is in the note's trace.
	 */
	private Headers traceOf(TrackingInput input, Headers headers) {
		if (input.kind() == TrackingInput.Kind.RECEIVED || input.kind() == TrackingInput.Kind.ROUTED) {
			return headers;
		}
		NoteTracking known = this.view.tracking(input.noteId());
		if (known == null || known.traceId() == null) {
			return headers;
		}
		RecordHeaders trace = new RecordHeaders();
		trace.add(RecordTraces.TRACE_ID, known.traceId().getBytes(StandardCharsets.UTF_8));
		return trace;
	}

	private DeskResult decide(TrackingInput input, Headers headers, Instant now) {
		String traceId = RecordTraces.traceIdOf(headers);
		return switch (input.kind()) {
			case RECEIVED -> this.desk.received(this.view, input.noteId(), input.received(), input.eventId(),
					input.time(), traceId, now);
			case ROUTED -> this.desk.routed(this.view, input.noteId(), input.routed(), input.eventId(), input.time(),
					traceId, now);
			case ACKNOWLEDGE -> this.desk.acknowledge(this.view, input.acknowledge(), now);
			case ATTEMPTED -> this.desk.attempted(this.view, input.attempted());
			case RETRY -> this.desk.retry(this.view, input.retry(), now);
			default -> DeskResult.NOTHING;
		};
	}

	private void due(List<String> deliveries, List<NoteId> escalations, long time) {
		if (deliveries.isEmpty() && escalations.isEmpty()) {
			return;
		}
		this.view.begin();
		DeskResult result = this.desk.due(this.view, deliveries, escalations, Instant.ofEpochMilli(time));
		try (RecordTraces.Processing span = this.traces.processing("track-due", new RecordHeaders())) {
			apply(result, new RecordHeaders(), null);
		}
	}

	private void apply(DeskResult result, Headers causing, byte[] correlationId) {
		if (result.isEmpty()) {
			return;
		}
		this.report.report(result, this.view::tracking);
		result.trackings().forEach((tracking) -> this.view.put(this.outputs.fit(tracking)));
		result.outbox().forEach((OutboxChange change) -> this.view.apply(change));
		long now = this.context.currentSystemTimeMs();
		result.events().forEach((event) -> this.context.forward(this.outputs.event(event, causing, now)));
		result.dispatches()
			.forEach((dispatch) -> this.context.forward(this.outputs.dispatch(dispatch,
					this.routings.get(dispatch.noteId().toString()), this.texts.get(dispatch.noteId().toString()),
					causing, now)));
		if (result.reply() != null && correlationId != null) {
			this.context.forward(this.outputs.reply(result.reply(), correlationId, causing, now));
		}
	}

}
