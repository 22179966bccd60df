package org.valise.routing.registry.streams;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.valise.routing.registry.NoteRouted;
import org.valise.routing.routing.Outcome;

/**
 * The registry desk's metrics, counted as each decision is published: decisions by office and rule
 * ({@code valise_notes_routed_total}), notes sent to triage ({@code valise_notes_triaged_total}), and how long
 * the rules took from intake's acceptance to their decision ({@code valise_note_routing_latency_seconds}, a
 * histogram).
 */
final class RoutingMeters {

	static final String LATENCY = "valise.note.routing.latency";

	/**
	 * The histogram's buckets ({@code le}): few enough to keep the series count low, fine enough around the
	 * sub-second latency of a healthy registry and the minutes of a backlog. Quantiles come from
	 * {@code histogram_quantile()} over them (aggregatable across instances, unlike client-side percentiles).
	 */
	private static final Duration[] BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
			Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
			Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1) };

	private RoutingMeters() {
	}

	static void published(MeterRegistry meters, NoteRouted routed) {
		Counter.builder("valise.notes.routed")
			.description("Routing decisions published, by destination office and rule")
			.tag("office", routed.destination().id())
			.tag("rule", routed.explanation().rule())
			.register(meters)
			.increment();
		boolean byRules = NoteRouted.RULES.equals(routed.decidedBy());
		if (routed.outcome() == Outcome.TRIAGE) {
			Counter.builder("valise.notes.triaged")
				.description("Notes sent to triage for a clerk, by who decided so (rules or clerk)")
				.tag("decided_by", byRules ? "rules" : "clerk")
				.register(meters)
				.increment();
		}
		if (byRules && routed.receivedAt() != null) {
			Duration latency = Duration.between(routed.receivedAt(), routed.routedAt());
			Timer.builder(LATENCY)
				.description("From intake's acceptance of a note (receivedAt) to the registry's decision, by outcome")
				.tag("outcome", routed.outcome().name())
				.serviceLevelObjectives(BUCKETS)
				.register(meters)
				.record(latency.isNegative() ? Duration.ZERO : latency);
		}
	}

}
