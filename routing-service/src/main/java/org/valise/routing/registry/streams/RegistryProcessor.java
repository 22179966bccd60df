package org.valise.routing.registry.streams;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.kafka.DeadLetters;
import org.valise.platform.tracing.RecordTraces;
import org.valise.routing.registry.DeskResult;
import org.valise.routing.registry.NoteRouted;
import org.valise.routing.registry.RegistryDesk;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry desk's adapter in the topology, on the single partition of the registry topic (so it sees every note
 * and every clerk's command in one total order): reads its stores, asks the {@link RegistryDesk}, writes what the
 * desk changed, and forwards what it published; store updates, outputs and input offsets commit in one Kafka
 * transaction.
 */
final class RegistryProcessor implements Processor<String, DeskInput, String, Outgoing> {

	private static final Logger log = LoggerFactory.getLogger(RegistryProcessor.class);

	private final RegistryDesk desk;

	private final JsonMapper json;

	private final RoutedHeaders headers;

	private final RecordTraces traces;

	private final MeterRegistry meters;

	private ProcessorContext<String, Outgoing> context;

	private StoreView view;

	RegistryProcessor(RegistryDesk desk, JsonMapper json, RoutedHeaders headers, RecordTraces traces,
			MeterRegistry meters) {
		this.desk = desk;
		this.json = json;
		this.headers = headers;
		this.traces = traces;
		this.meters = meters;
	}

	@Override
	public void init(ProcessorContext<String, Outgoing> context) {
		this.context = context;
		this.view = new StoreView(context);
	}

	@Override
	public void process(Record<String, DeskInput> record) {
		DeskInput input = record.value();
		if (input == null) {
			return;
		}
		try (RecordTraces.Processing span = this.traces.processing("register-and-route", record.headers())) {
			Instant now = Instant.ofEpochMilli(this.context.currentSystemTimeMs());
			DeskResult result = (input.command() != null) ? this.desk.carryOut(input.command(), this.view, now)
					: this.desk.register(input.received(), this.view, now);
			result.changes().forEach(this.view::apply);
			String cause = (input.command() != null) ? input.command().commandId() : cause(record.headers());
			result.published().forEach((routed) -> publish(routed, cause, record.headers()));
			if (result.deadLetter() != null) {
				deadLetter(record, input, result.deadLetter(), now);
			}
			if (input.command() != null && result.published().isEmpty()) {
				log.info("Carried out command {} of clerk {} on note {}: nothing to publish ({})",
						input.command().commandId(), input.command().clerk(), input.command().noteId(),
						result.changes().isEmpty() ? "already carried out" : "refused");
			}
		}
	}

	private void publish(NoteRouted routed, String cause, Headers causing) {
		Headers out = this.headers.routed(routed, cause, null);
		this.traces.carryOver(causing, out);
		this.context.forward(new Record<>(routed.noteId(), new Outgoing(false, this.json.writeValueAsBytes(routed)),
				routed.routedAt().toEpochMilli(), out));
		RoutingMeters.published(this.meters, routed);
		log.info("Published note {} as {} (revision {}): {} to {} by rule {} ({}), priority {}", routed.noteId(),
				routed.registryNumber(), routed.revision(), routed.outcome(), routed.destination().id(),
				routed.explanation().rule(), routed.decidedBy(), routed.priority());
	}

	private void deadLetter(Record<String, DeskInput> record, DeskInput input, DeskResult.DeadLetter deadLetter,
			Instant now) {
		String message = deadLetter.message() + ": " + DeadLetters.describe(deadLetter.cause());
		log.error("Dead-lettered note {}: {}", input.received().noteId(), message, deadLetter.cause());
		DeadLetters.count(deadLetter.error());
		Headers headers = DeadLetters.headers(record.headers(), null, "registry desk", deadLetter.error(), message,
				deadLetter.cause(), deadLetter.attempts(), now);
		this.context.forward(new Record<>(input.received().noteId(),
				new Outgoing(true, this.json.writeValueAsBytes(input.received())), now.toEpochMilli(), headers));
	}

	/** What caused a decision: the received event's id (the same event re-read gives the same NoteRouted id). */
	private static String cause(Headers headers) {
		String id = CloudEventHeaders.attribute(headers, CloudEventHeaders.ID);
		if (id != null) {
			return id;
		}
		return DeadLetters.header(headers, DeadLetters.ORIGINAL_TOPIC) + "@"
				+ DeadLetters.header(headers, DeadLetters.ORIGINAL_PARTITION) + "@"
				+ DeadLetters.header(headers, DeadLetters.ORIGINAL_OFFSET);
	}

}
