package org.valise.routing.registry.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The triage backlog as a gauge ({@code valise_notes_in_triage}): the notes waiting for a clerk, read from the
 * registry desk's store at each scrape; NaN on an instance that does not run the desk (take the max over instances).
 */
@Component
class TriageGauge implements MeterBinder {

	private final RegistryQueries queries;

	TriageGauge(RegistryQueries queries) {
		this.queries = queries;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("valise.notes.in_triage", this, TriageGauge::waiting)
			.description("Notes in triage, waiting for a clerk to route them (NaN where the registry desk is not)")
			.register(registry);
	}

	private double waiting() {
		try {
			return this.queries.triage().size();
		}
		catch (RuntimeException ex) {
			// starting, rebalancing, or the desk runs on another instance
			return Double.NaN;
		}
	}

}
