package org.valise.notification.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.TrackingState;
import org.valise.notification.tracking.streams.TrackingQueries;
import org.valise.platform.security.Caller;
import org.valise.platform.security.NoteAccess;

import org.springframework.stereotype.Component;

/**
 * What the operator page and the gauges show, computed from the tracking store at most once a second (a full scan,
 * shared by every caller): notes per state, the notes awaiting acknowledgement by deadline, the triage queue and the
 * recent flow. Gauges {@code valise_notes_overdue{office}} (notes past their deadline unacknowledged, by destination)
 * , {@code valise_delivery_backlog{office}} (notes routed to the office, not delivered yet) and
 * {@code valise_notes_tracked{state}}; while the store cannot be queried they keep their last values.
 */
@Component
class OperatorOverview {

	private static final Duration FRESH = Duration.ofSeconds(1);

	private final TrackingQueries trackings;

	private final MeterRegistry meters;

	private final Set<String> officesWithGauge = ConcurrentHashMap.newKeySet();

	private java.util.Map<String, Long> backlog = java.util.Map.of();

	private Overviews.Overview last;

	private List<NoteTracking> lastViews = List.of();

	private Instant tried = Instant.EPOCH;

	private TrackingQueries.TrackingUnavailable failure;

	OperatorOverview(TrackingQueries trackings, MeterRegistry meters) {
		this.trackings = trackings;
		this.meters = meters;
		for (TrackingState state : TrackingState.values()) {
			Gauge.builder("valise.notes.tracked", this, (overview) -> overview.gauge((o) -> o.byState().get(state)))
				.description("Notes in each state in the tracking views of this instance")
				.tag("state", state.name())
				.register(meters);
		}
	}

	/**
	 * The overview of the notes a caller may see, from the views at most a second old; what it may not read of a note
	 * (the sentences of its timeline) is left out.
	 * @throws TrackingQueries.TrackingUnavailable when the store cannot be queried and no overview was computed yet
	 */
	Overviews.Overview current(Caller caller) {
		List<NoteTracking> views;
		synchronized (this) {
			current();
			views = this.lastViews;
		}
		return Overviews.compute(views, (tracking) -> NoteAccess.of(caller, tracking.audience()), Instant.now());
	}

	/**
	 * The overview of every note now, at most a second old (for the gauges).
	 * @throws TrackingQueries.TrackingUnavailable when the store cannot be queried and no overview was computed yet
	 */
	synchronized Overviews.Overview current() {
		Instant now = Instant.now();
		if (this.tried.plus(FRESH).isAfter(now)) {
			return lastOrThrow();
		}
		this.tried = now;
		try {
			this.lastViews = List.copyOf(this.trackings.all());
			this.last = Overviews.compute(this.lastViews, (tracking) -> NoteAccess.CONTENT, now);
			this.backlog = Overviews.backlogByOffice(this.lastViews);
			this.failure = null;
		}
		catch (TrackingQueries.TrackingUnavailable ex) {
			this.failure = ex;
			return lastOrThrow();
		}
		// A gauge for every office of the directory (0 while none of its notes is overdue), so that a dashboard's
		// series exists before the first overdue note.
		this.trackings.directoryOffices().forEach(this::registerOverdueGauge);
		this.last.overdueByOffice().keySet().forEach(this::registerOverdueGauge);
		return this.last;
	}

	// Until the store answers again, the last overview (or, before the first, the failure) without asking again.
	private Overviews.Overview lastOrThrow() {
		if (this.last == null && this.failure != null) {
			throw this.failure;
		}
		return this.last;
	}

	private void registerOverdueGauge(String office) {
		if (this.officesWithGauge.add(office)) {
			Gauge.builder("valise.notes.overdue", this,
					(overview) -> overview.gauge((o) -> o.overdueByOffice().getOrDefault(office, 0L)))
				.description("Notes past their acknowledgement deadline, not acknowledged, by destination office")
				.tag("office", office)
				.register(this.meters);
			Gauge.builder("valise.delivery.backlog", this, (overview) -> overview.gauge((o) -> overview.backlog(office)))
				.description("Notes routed to the office and not delivered yet (nor given up): the delivery backlog")
				.tag("office", office)
				.register(this.meters);
		}
	}

	private synchronized long backlog(String office) {
		return this.backlog.getOrDefault(office, 0L);
	}

	private double gauge(Function<Overviews.Overview, Long> value) {
		try {
			Long number = value.apply(current());
			return (number != null) ? number : 0;
		}
		catch (TrackingQueries.TrackingUnavailable ex) {
			return Double.NaN;
		}
	}

}
