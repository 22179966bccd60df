package org.valise.notification.tracking.streams;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.valise.notification.tracking.Delivery;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.Purpose;
import org.valise.notification.tracking.Revision;

/**
 * The two latencies operators watch, as Prometheus histograms with fixed buckets (so that they add up across
 * instances; percentiles by {@code histogram_quantile}): {@code valise_note_delivery_latency_seconds{channel}}, from
 * the routing in force to the channel's acceptance (100 ms to 6 h), and
 * {@code valise_note_acknowledgement_latency_seconds{office}}, from the note's first delivery to the office's
 * acknowledgement (10 s to 14 days).
 */
final class NoteLatencies {

	private static final Duration[] DELIVERY_BUCKETS = { Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
			Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6) };

	private static final Duration[] ACKNOWLEDGEMENT_BUCKETS = { Duration.ofSeconds(10), Duration.ofMinutes(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
			Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7),
			Duration.ofDays(14) };

	private NoteLatencies() {
	}

	static Timer delivery(MeterRegistry meters, String channel) {
		return Timer.builder("valise.note.delivery.latency")
			.description("From the routing of a note to its delivery on a channel of its office")
			.tag("channel", String.valueOf(channel))
			.serviceLevelObjectives(DELIVERY_BUCKETS)
			.register(meters);
	}

	static Timer acknowledgement(MeterRegistry meters, String office) {
		return Timer.builder("valise.note.acknowledgement.latency")
			.description("From the first delivery of a note to its acknowledgement by the office")
			.tag("office", String.valueOf(office))
			.serviceLevelObjectives(ACKNOWLEDGEMENT_BUCKETS)
			.register(meters);
	}

	/** When the routing revision was decided, or null when the view does not know it. */
	static Instant routedAt(NoteTracking tracking, int revision) {
		return tracking.revisions()
			.stream()
			.filter((r) -> r.revision() == revision)
			.map(Revision::routedAt)
			.findFirst()
			.orElse(null);
	}

	/** The first delivery of the note itself (not of an escalation notice) for the routing in force, or null. */
	static Instant deliveredAt(NoteTracking tracking) {
		return tracking.deliveries()
			.stream()
			.filter((d) -> d.revision() == tracking.revision() && d.purpose() == Purpose.NOTE
					&& d.deliveredAt() != null)
			.map(Delivery::deliveredAt)
			.min(Instant::compareTo)
			.orElse(null);
	}

	/** The time between two instants, never negative (clocks of different hosts). */
	static Duration between(Instant from, Instant to) {
		Duration duration = Duration.between(from, to);
		return duration.isNegative() ? Duration.ZERO : duration;
	}

}
