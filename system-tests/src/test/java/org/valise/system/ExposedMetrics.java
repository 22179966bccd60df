package org.valise.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Prometheus metric names intake-service and routing-service expose on {@code /actuator/prometheus} once they
 * have worked a little (a note accepted, one parsed, one refused, one routed, one triaged, one dead-lettered):
 * {@link ObservabilityTests} checks each against the packaged jars; {@link DashboardTests} lets the Grafana
 * dashboard use these (and the names the alert rules use for notification-service).
 */
final class ExposedMetrics {

	static final Map<String, List<String>> BY_SERVICE = Map.of("intake-service",
			List.of("valise_notes_received_total", "valise_notes_parsed_total", "valise_notes_rejected_total",
					"http_server_requests_seconds_count", "spring_kafka_template_seconds_count"),
			"routing-service",
			List.of("valise_notes_routed_total", "valise_notes_triaged_total", "valise_notes_in_triage",
					"valise_notes_dead_lettered_total", "valise_note_routing_latency_seconds_bucket",
					"valise_note_routing_latency_seconds_count", "kafka_consumer_fetch_manager_records_lag_max",
					"http_server_requests_seconds_count"));

	/** Prometheus' own series about each target. */
	static final Set<String> SCRAPE = Set.of("up");

	private ExposedMetrics() {
	}

	static Set<String> all() {
		return BY_SERVICE.values().stream().flatMap(List::stream).collect(Collectors.toSet());
	}

}
