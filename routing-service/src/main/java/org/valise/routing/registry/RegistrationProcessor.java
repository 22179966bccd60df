package org.valise.routing.registry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.routing.note.NoteFields;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.RoutingDecision;
import org.valise.routing.routing.RoutingPolicies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry desk: runs on the single partition of the registry topic, so it sees every note and every clerk's
 * command in one total order. A note seen before (same note id), or with the sender and reference of a registered
 * note, is published as a DUPLICATE of the original, not numbered again; any other is routed by the rules and takes
 * the next number of the year. Store updates, outputs and input offsets commit in one Kafka transaction.
 */
final class RegistrationProcessor implements Processor<String, DeskInput, String, Outgoing> {

	private static final Logger log = LoggerFactory.getLogger(RegistrationProcessor.class);

	static final String DUPLICATE_RULE = "duplicate";

	private final Registrar registrar;

	private ProcessorContext<String, Outgoing> context;

	private KeyValueStore<String, Long> counters;

	private KeyValueStore<String, Registration> notes;

	private KeyValueStore<String, DuplicateOf> references;

	private KeyValueStore<String, TriageEntry> triage;

	private final RoutingAttempts attempts;

	private ClerkDesk clerks;

	RegistrationProcessor(Registrar registrar) {
		this.registrar = registrar;
		this.attempts = new RoutingAttempts(registrar);
	}

	@Override
	public void init(ProcessorContext<String, Outgoing> context) {
		this.context = context;
		this.counters = context.getStateStore(RegistryStores.COUNTERS);
		this.notes = context.getStateStore(RegistryStores.NOTES);
		this.references = context.getStateStore(RegistryStores.REFERENCES);
		this.triage = context.getStateStore(RegistryStores.TRIAGE);
		this.clerks = new ClerkDesk(this.registrar, this.notes, this.triage,
				context.getStateStore(RegistryStores.COMMANDS), this::publish);
	}

	@Override
	public void process(Record<String, DeskInput> record) {
		if (record.value() == null) {
			return;
		}
		try (NoteTraces.Processing span = this.registrar.traces().processing("register-and-route", record.headers())) {
			if (record.value().command() != null) {
				this.clerks.carryOut(record.value().command(), record.headers());
			}
			else {
				register(record.value().received(), record.headers());
			}
		}
	}

	private void register(NoteReceived received, Headers headers) {
		Instant now = this.registrar.clock().instant();
		Registration known = this.notes.get(received.noteId());
		if (known != null) {
			resubmitted(received, known, now, headers);
			return;
		}
		NoteFields note = received.note();
		Optional<String> key = DuplicateKey.of(note.sender(), note.reference());
		Optional<Registration> earlier = key.map(this.references::get).map(original -> this.notes.get(original.noteId()));
		if (earlier.isPresent()) {
			DuplicateOf original = earlier.get().original();
			Explanation why = new Explanation(DUPLICATE_RULE, "It has the sender and reference of note "
					+ original.noteId() + ", registered as " + original.registryNumber() + ", so it is not numbered "
					+ "again.", Stream.of(note.sender(), note.reference()).toList());
			NoteRouted duplicate = NoteRouted.duplicate(received, now, now, earlier.get().current(), original, why, 1);
			this.notes.put(received.noteId(), Registration.first(duplicate));
			publish(duplicate, cause(headers), headers);
			return;
		}
		RoutingDecision decision;
		try {
			decision = this.attempts.decide(received);
		}
		catch (RoutingAttempts.Failure failure) {
			// Decided before numbering, so a note the policy cannot handle takes no number (no gap).
			deadLetter(received, headers, failure, now);
			return;
		}
		String year = String.valueOf(now.atZone(ZoneOffset.UTC).getYear());
		Long last = this.counters.get(year);
		RegistryNumber number = new RegistryNumber(this.registrar.registry().prefix(), Integer.parseInt(year),
				last == null ? 1 : last + 1, this.registrar.registry().digits());
		NoteRouted routed = NoteRouted.of(received, number, now, decision,
				this.registrar.deadlines().deadline(decision.priority(), now));
		this.counters.put(year, number.sequence());
		this.notes.put(received.noteId(), Registration.first(routed));
		key.ifPresent(k -> this.references.put(k, new DuplicateOf(received.noteId(), number.toString())));
		if (decision.outcome() == Outcome.TRIAGE) {
			this.triage.put(received.noteId(), TriageEntry.of(routed));
		}
		publish(routed, cause(headers), headers);
	}

	/** The same note id again: intake republished a retried submission. */
	private void resubmitted(NoteReceived received, Registration known, Instant now, Headers headers) {
		DuplicateOf original = known.original();
		Registration first = original.noteId().equals(received.noteId()) ? known
				: Optional.ofNullable(this.notes.get(original.noteId())).orElse(known);
		Explanation why = new Explanation(DUPLICATE_RULE, "The same submission arrived again; note "
				+ original.noteId() + " is already registered as " + original.registryNumber()
				+ ", so it is not numbered again.", List.of("same submission retried"));
		NoteRouted duplicate = NoteRouted.duplicate(received, known.current().registeredAt(), now, first.current(),
				original, why, known.current().revision());
		this.notes.put(received.noteId(), known.resubmitted(duplicate));
		publish(duplicate, cause(headers), headers);
	}

	private void deadLetter(NoteReceived received, Headers headers, RoutingAttempts.Failure failure, Instant now) {
		RuntimeException ex = failure.cause();
		String message = "routing failed after " + failure.attempts() + " attempts: " + DeadLetters.whereThrown(ex);
		log.error("Dead-lettered note {}: {}", received.noteId(), message, ex);
		Counter.builder("valise.notes.dead_lettered")
			.description("Records sent to a dead-letter topic, by error")
			.tag("error", "processing-failed")
			.register(this.registrar.meters())
			.increment();
		this.context.forward(new Record<>(received.noteId(),
				new Outgoing(true, this.registrar.json().writeValueAsBytes(received)), now.toEpochMilli(),
				DeadLetters.of(headers, "processing-failed", message, ex, failure.attempts(), now)));
	}

	private void publish(NoteRouted routed, String cause, Headers causing) {
		byte[] body = this.registrar.json().writeValueAsString(routed).getBytes(StandardCharsets.UTF_8);
		Headers headers = this.registrar.headers().routed(routed, cause, causing);
		this.registrar.traces().carryOver(causing, headers);
		this.context.forward(new Record<>(routed.noteId(), new Outgoing(false, body), routed.routedAt().toEpochMilli(),
				headers));
		RoutingMeters.published(this.registrar.meters(), routed);
		log.info("Published note {} as {} (revision {}): {} to {} by rule {} ({}), priority {}", routed.noteId(),
				routed.registryNumber(), routed.revision(), routed.outcome(), routed.destination().id(),
				routed.explanation().rule(), routed.decidedBy(), routed.priority());
	}

	private static String cause(Headers headers) {
		String id = CloudEventHeaders.idOf(headers);
		if (id != null) {
			return id;
		}
		return Stream.of(DeadLetters.ORIGINAL_TOPIC, DeadLetters.ORIGINAL_PARTITION, DeadLetters.ORIGINAL_OFFSET)
			.map(headers::lastHeader)
			.map(h -> h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "@" + b)
			.orElse("?");
	}

	/** What the desk needs, gathered once by the topology. */
	record Registrar(RoutingPolicies policies, RegistryProperties registry, AcknowledgementDeadlines deadlines,
			CloudEventHeaders headers, JsonMapper json, Clock clock, MeterRegistry meters, NoteTraces traces) {

		/** Without tracing: trace headers are copied as they came. */
		Registrar(RoutingPolicies policies, RegistryProperties registry, AcknowledgementDeadlines deadlines,
				CloudEventHeaders headers, JsonMapper json, Clock clock, MeterRegistry meters) {
			this(policies, registry, deadlines, headers, json, clock, meters, NoteTraces.NONE);
		}

	}

}
