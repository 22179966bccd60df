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
import java.util.function.Function;

import org.valise.notification.tracking.DeliveryStatus;
import org.valise.notification.tracking.Fact;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.RoutingOutcome;
import org.valise.notification.tracking.TimelineEntry;
import org.valise.notification.tracking.TrackingState;
import org.valise.platform.security.NoteAccess;

/**
 * What the operator page shows, computed from the notes' states (pure): notes per state, the notes awaiting
 * acknowledgement by deadline, the triage queue and the recent flow, as far as a caller may see each note.
 */
final class Overviews {

	static final int AWAITING_LIMIT = 20;

	static final int RECENT_LIMIT = 15;

	private static final Set<Fact> FLOW_EVENTS = Set.of(Fact.RECEIVED, Fact.ROUTED, Fact.TRIAGE, Fact.DELIVERED,
			Fact.ACKNOWLEDGED, Fact.ESCALATED, Fact.DELIVERY_FAILED);

	private Overviews() {
	}

	/** The overview of these tracking views at {@code now}, as far as the caller of {@code access} may see them. */
	/**
	 * The delivery backlog: notes routed to an office and not delivered yet (nor given up), by destination office —
	 * what piles up when deliveries fall behind the arrivals.
	 */
	static Map<String, Long> backlogByOffice(List<NoteTracking> views) {
		Map<String, Long> backlog = new LinkedHashMap<>();
		for (NoteTracking tracking : views) {
			if (tracking.state() == TrackingState.ROUTED && tracking.destination() != null) {
				backlog.merge(tracking.destination().id(), 1L, Long::sum);
			}
		}
		return backlog;
	}

	static Overview compute(List<NoteTracking> views, Function<NoteTracking, NoteAccess> access, Instant now) {
		List<NoteTracking> all = new ArrayList<>();
		Map<NoteId, NoteAccess> seen = new LinkedHashMap<>();
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
		FLOW_EVENTS.stream().map(Fact::name).sorted().forEach((event) -> lastHour.put(event, 0L));
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
				if (tracking.outcome() == RoutingOutcome.TRIAGE) {
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
					&& d.status() == DeliveryStatus.FAILED)) {
				failed++;
			}
			for (TimelineEntry entry : tracking.timeline()) {
				if (entry.at() == null || !FLOW_EVENTS.contains(entry.event())) {
					continue;
				}
				if (!entry.at().isBefore(hourAgo)) {
					lastHour.merge(entry.event().name(), 1L, Long::sum);
				}
				recent.add(new FlowEvent(entry.at(), entry.event().name(),
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

	/**
	 * The overview of every instance from each instance's own (the first one's time): counts added up, the lists
	 * merged in their order and cut to their limits.
	 */
	static Overview merge(List<Overview> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		Map<TrackingState, Long> byState = new EnumMap<>(TrackingState.class);
		Map<String, Long> overdueByOffice = new LinkedHashMap<>();
		Map<String, Long> lastHour = new LinkedHashMap<>();
		List<Awaiting> awaiting = new ArrayList<>();
		List<FlowEvent> recent = new ArrayList<>();
		long notes = 0;
		long inFlight = 0;
		long triage = 0;
		long overdue = 0;
		long failed = 0;
		long awaitingTotal = 0;
		for (Overview part : parts) {
			notes += part.notes();
			inFlight += part.inFlight();
			triage += part.triage();
			overdue += part.overdue();
			failed += part.failedDeliveries();
			awaitingTotal += part.awaitingTotal();
			part.byState().forEach((state, count) -> byState.merge(state, count, Long::sum));
			part.overdueByOffice().forEach((office, count) -> overdueByOffice.merge(office, count, Long::sum));
			part.lastHour().forEach((fact, count) -> lastHour.merge(fact, count, Long::sum));
			awaiting.addAll(part.awaiting());
			recent.addAll(part.recent());
		}
		awaiting.sort(Comparator.comparing(Awaiting::deadline).thenComparing((a) -> a.noteId().toString()));
		recent.sort(Comparator.comparing(FlowEvent::at).reversed());
		return new Overview(parts.get(0).at(), notes, inFlight, byState, triage, overdue, failed, overdueByOffice,
				List.copyOf(awaiting.subList(0, Math.min(AWAITING_LIMIT, awaiting.size()))), awaitingTotal, lastHour,
				List.copyOf(recent.subList(0, Math.min(RECENT_LIMIT, recent.size()))));
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
	record Awaiting(NoteId noteId, String registryNumber, TrackingState state, String office, String officeName,
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
	record FlowEvent(Instant at, String event, String detail, NoteId noteId, String registryNumber) {
	}

}
