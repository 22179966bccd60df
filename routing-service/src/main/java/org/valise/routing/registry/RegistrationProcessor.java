package org.valise.routing.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.routing.RoutingDecision;
import org.valise.routing.routing.RoutingPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry desk: runs on the single partition of the registry topic, so it sees every note in one total order;
 * decides the route, takes the next number of the year from the {@code registry-counters} store and forwards the
 * {@code NoteRouted} JSON keyed by note id. Store update, output and input offset commit in one Kafka transaction.
 */
final class RegistrationProcessor implements Processor<String, NoteReceived, String, String> {

	private static final Logger log = LoggerFactory.getLogger(RegistrationProcessor.class);

	private final Registrar registrar;

	private ProcessorContext<String, String> context;

	private KeyValueStore<String, Long> counters;

	RegistrationProcessor(Registrar registrar) {
		this.registrar = registrar;
	}

	@Override
	public void init(ProcessorContext<String, String> context) {
		this.context = context;
		this.counters = context.getStateStore(RegistryTopology.COUNTERS_STORE);
	}

	@Override
	public void process(Record<String, NoteReceived> record) {
		NoteReceived received = record.value();
		Instant now = this.registrar.clock().instant();
		RoutingDecision decision;
		try {
			decision = this.registrar.policy().decide(received.note(), received.text());
		}
		catch (RuntimeException ex) {
			// Decided before numbering, so a note the policy cannot handle takes no number (no gap).
			log.error("Skipped note {}: routing failed ({})", received.noteId(), ex.toString());
			return;
		}
		String year = String.valueOf(now.atZone(ZoneOffset.UTC).getYear());
		Long last = this.counters.get(year);
		RegistryNumber number = new RegistryNumber(this.registrar.registry().prefix(), Integer.parseInt(year),
				last == null ? 1 : last + 1, this.registrar.registry().digits());
		NoteRouted routed = NoteRouted.of(received, number, now, decision,
				this.registrar.deadlines().deadline(decision.priority(), now));
		String body = this.registrar.json().writeValueAsString(routed);
		this.counters.put(year, number.sequence());
		this.context.forward(new Record<>(received.noteId(), body, now.toEpochMilli(),
				this.registrar.headers().routed(received.noteId(), number, now, record.headers())));
		Counter.builder("valise.notes.routed")
			.description("Notes registered and routed, by destination office and rule")
			.tag("office", decision.destination().id())
			.tag("rule", decision.explanation().rule())
			.register(this.registrar.meters())
			.increment();
		log.info("Registered note {} as {}: {} to {} by rule {}, priority {}", received.noteId(), number,
				decision.outcome(), decision.destination().id(), decision.explanation().rule(), decision.priority());
	}

	/** What the processor needs, gathered once by the topology. */
	record Registrar(RoutingPolicy policy, RegistryProperties registry, AcknowledgementDeadlines deadlines,
			CloudEventHeaders headers, JsonMapper json, Clock clock, MeterRegistry meters) {
	}

}
