package org.valise.notification.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.valise.notification.directory.Directory;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.NoteTrackings;
import org.valise.notification.tracking.TrackingState;
import org.valise.platform.security.Caller;
import org.valise.platform.security.NoteAccess;

import org.springframework.stereotype.Component;

/**
 * What the operator page and the gauges show, computed from the tracking store at most once a second (a full scan,
 * shared by every caller): notes per state, the notes awaiting acknowledgement by deadline, the triage queue and the
 * recent flow. Gauges {@code valise_notes_overdue{office}} (notes past their deadline unacknowledged, by destination)
 * and {@code valise_notes_tracked{state}}; while the store cannot be queried they keep their last values.
 */
@Component
class OperatorOverview {

	static final int AWAITING_LIMIT = 20;

	static final int RECENT_LIMIT = 15;

	private static final Duration FRESH = Duration.ofSeconds(1);

	private static final Set<String> FLOW_EVENTS = Set.of("RECEIVED", "ROUTED", "TRIAGE", "DELIVERED", "ACKNOWLEDGED",
			"ESCALATED", "DELIVERY_FAILED");

	private final NoteTrackings trackings;

	private final MeterRegistry meters;

	private final Set<String> officesWithGauge = ConcurrentHashMap.newKeySet();

	private Overview last;

	private List<NoteTracking> lastViews = List.of();

	private Instant tried = Instant.EPOCH;

	private NoteTrackings.TrackingUnavailable failure;

	OperatorOverview(NoteTrackings trackings, Directory directory, MeterRegistry meters) {
		this.trackings = trackings;
		this.meters = meters;
		directory.officeIds().forEach(this::registerOverdueGauge);
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
	 * @throws NoteTrackings.TrackingUnavailable when the store cannot be queried and no overview was computed yet
	 */
	Overview current(Caller caller) {
		List<NoteTracking> views;
		synchronized (this) {
			current();
			views = this.lastViews;
		}
		return compute(views, (tracking) -> NoteAccess.of(caller, tracking.audience()), Instant.now());
	}

	/**
	 * The overview of every note now, at most a second old (for the gauges).
	 * @throws NoteTrackings.TrackingUnavailable when the store cannot be queried and no overview was computed yet
	 */
	synchronized Overview current() {
		Instant now = Instant.now();
		if (this.tried.plus(FRESH).isAfter(now)) {
			return lastOrThrow();
		}
		this.tried = now;
		try {
			this.lastViews = List.copyOf(this.trackings.all());
			this.last = compute(this.lastViews, (tracking) -> NoteAccess.CONTENT, now);
			this.failure = null;
		}
		catch (NoteTrackings.TrackingUnavailable ex) {
			this.failure = ex;
			return lastOrThrow();
		}
		this.last.overdueByOffice().keySet().forEach(this::registerOverdueGauge);
		return this.last;
	}

	// Until the store answers again, the last overview (or, before the first, the failure) without asking again.
	private Overview lastOrThrow() {
		if (this.last == null && this.failure != null) {
			throw this.failure;
		}
		return this.last;
	}

	/** The overview of these tracking views at {@code now}, as far as the caller of {@code access} may see them. */
	static Overview compute(List<NoteTracking> views, Function<NoteTracking, NoteAccess> access, Instant now) {
		List<NoteTracking> all = new ArrayList<>();
		Map<UUID, NoteAccess> seen = new LinkedHashMap<>();
		for (NoteTracking view : views) {
			NoteAccess granted = access.apply(view);
			if (granted != NoteAccess.NONE) {
				all.add(view);
				seen.put(view.noteId(), granted);
			}
		}
		Map<TrackingState, Long> byState = new EnumMap<>(TrackingState.class);
		for (TrackingState state : TrackingState.values()) {
			byState.put(state, 0L);
		}
		Map<String, Long> overdueByOffice = new LinkedHashMap<>();
		Map<String, Long> lastHour = new LinkedHashMap<>();
		FLOW_EVENTS.stream().sorted().forEach((event) -> lastHour.put(event, 0L));
		List<Awaiting> awaiting = new ArrayList<>();
		List<FlowEvent> recent = new ArrayList<>();
		long inFlight = 0;
		long triage = 0;
		long overdue = 0;
		long failed = 0;
		Instant hourAgo = now.minus(Duration.ofHours(1));
		for (NoteTracking tracking : all) {
			if (tracking.state() == null) {
				continue;
			}
			byState.merge(tracking.state(), 1L, Long::sum);
			boolean settled = tracking.state() == TrackingState.ACKNOWLEDGED
					|| tracking.state() == TrackingState.DUPLICATE;
			String office = (tracking.destination() != null) ? tracking.destination().id() : null;
			if (!settled) {
				inFlight++;
				if ("TRIAGE".equals(tracking.outcome())) {
					triage++;
				}
				if (tracking.overdue(now)) {
					overdue++;
					overdueByOffice.merge(String.valueOf(office), 1L, Long::sum);
				}
				if (tracking.acknowledgementDeadline() != null) {
					awaiting.add(Awaiting.of(tracking, now));
				}
			}
			if (tracking.deliveries().stream().anyMatch((d) -> d.revision() == tracking.revision()
					&& d.status() == NoteTracking.DeliveryStatus.FAILED)) {
				failed++;
			}
			for (NoteTracking.TimelineEntry entry : tracking.timeline()) {
				if (entry.at() == null || !FLOW_EVENTS.contains(entry.event())) {
					continue;
				}
				if (!entry.at().isBefore(hourAgo)) {
					lastHour.merge(entry.event(), 1L, Long::sum);
				}
				recent.add(new FlowEvent(entry.at(), entry.event(),
						seen.get(tracking.noteId()).seesContent() ? entry.detail() : null, tracking.noteId(),
						tracking.registryNumber()));
			}
		}
		awaiting.sort(Comparator.comparing(Awaiting::deadline).thenComparing((a) -> a.noteId().toString()));
		recent.sort(Comparator.comparing(FlowEvent::at).reversed());
		return new Overview(now, all.size(), inFlight, byState, triage, overdue, failed, overdueByOffice,
				List.copyOf(awaiting.subList(0, Math.min(AWAITING_LIMIT, awaiting.size()))), awaiting.size(), lastHour,
				List.copyOf(recent.subList(0, Math.min(RECENT_LIMIT, recent.size()))));
	}

	private void registerOverdueGauge(String office) {
		if (this.officesWithGauge.add(office)) {
			Gauge.builder("valise.notes.overdue", this,
					(overview) -> overview.gauge((o) -> o.overdueByOffice().getOrDefault(office, 0L)))
				.description("Notes past their acknowledgement deadline, not acknowledged, by destination office")
				.tag("office", office)
				.register(this.meters);
		}
	}

	private double gauge(Function<Overview, Long> value) {
		try {
			Long number = value.apply(current());
			return (number != null) ? number : 0;
		}
		catch (NoteTrackings.TrackingUnavailable ex) {
			return Double.NaN;
		}
	}

	/**
	 * The overview.
	 *
	 * @param at when it was computed
	 * @param notes notes tracked
	 * @param inFlight notes neither acknowledged nor duplicates
	 * @param byState notes per state
	 * @param triage notes in flight that no rule could route (waiting for a registry clerk)
	 * @param overdue notes in flight past their acknowledgement deadline
	 * @param failedDeliveries notes with a delivery given up (an operator may retry it)
	 * @param overdueByOffice overdue notes by destination office
	 * @param awaiting the notes in flight with a deadline, earliest deadline first (at most {@value #AWAITING_LIMIT})
	 * @param awaitingTotal how many notes in flight have a deadline
	 * @param lastHour facts of the last hour, by kind
	 * @param recent the latest facts, newest first (at most {@value #RECENT_LIMIT})
	 */
	record Overview(Instant at, long notes, long inFlight, Map<TrackingState, Long> byState, long triage, long overdue,
			long failedDeliveries, Map<String, Long> overdueByOffice, List<Awaiting> awaiting, long awaitingTotal,
			Map<String, Long> lastHour, List<FlowEvent> recent) {
	}

	/**
	 * A note awaiting acknowledgement.
	 *
	 * @param noteId the note
	 * @param registryNumber its registry number
	 * @param state where it stands
	 * @param office the destination office id
	 * @param officeName its name
	 * @param priority NORMAL, HIGH or URGENT
	 * @param deadline the acknowledgement deadline in force
	 * @param secondsLeft seconds until the deadline, negative once passed
	 * @param overdue whether the deadline passed
	 * @param escalationLevel escalations so far (routing in force)
	 */
	record Awaiting(UUID noteId, String registryNumber, TrackingState state, String office, String officeName,
			String priority, Instant deadline, long secondsLeft, boolean overdue, int escalationLevel) {

		static Awaiting of(NoteTracking t, Instant now) {
			return new Awaiting(t.noteId(), t.registryNumber(), t.state(),
					(t.destination() != null) ? t.destination().id() : null,
					(t.destination() != null) ? t.destination().name() : null, t.priority(),
					t.acknowledgementDeadline(), Duration.between(now, t.acknowledgementDeadline()).toSeconds(),
					t.overdue(now), t.currentEscalations().size());
		}

	}

	/**
	 * A fact in a note's timeline.
	 *
	 * @param at when
	 * @param event RECEIVED, ROUTED, TRIAGE, DELIVERED, DELIVERY_FAILED, ESCALATED or ACKNOWLEDGED
	 * @param detail a sentence for the operator (left out for a caller who may not read the note's content)
	 * @param noteId the note
	 * @param registryNumber its registry number
	 */
	record FlowEvent(Instant at, String event, String detail, UUID noteId, String registryNumber) {
	}

}
