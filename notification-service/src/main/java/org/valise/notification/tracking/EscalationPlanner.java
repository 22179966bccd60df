package org.valise.notification.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.valise.notification.directory.OfficeDirectory;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.Office;

/**
 * Escalates a note whose acknowledgement deadline passed, one level per due deadline, up the directory's escalation
 * chain (parent after parent up to the head; the head's deputy for a note routed to the head): the level recorded, a
 * NoteEscalated published and the notice to the new office put in the outbox, together. The level follows from the
 * levels already recorded and its event id from note, revision and level: each level is escalated once, across
 * restarts and instances.
 */
public final class EscalationPlanner {

	private final Duration step;

	private final ZoneId zone;

	private final DeliveryPlanner deliveries;

	/**
	 * @param step the time each escalation level is given before the next
	 * @param zone where the directory's holder dates are read
	 * @param deliveries plans the notices' deliveries
	 */
	public EscalationPlanner(Duration step, ZoneId zone, DeliveryPlanner deliveries) {
		this.step = step;
		this.zone = zone;
		this.deliveries = deliveries;
	}

	/** Escalates the note if its next escalation is due at {@code now}; does nothing otherwise. */
	void escalateIfDue(Decisions decisions, NoteId noteId, OfficeDirectory directory, Instant now) {
		NoteTracking tracking = decisions.tracking(noteId);
		if (tracking == null || tracking.state() == null || tracking.state().settled()
				|| tracking.nextEscalationAt() == null || tracking.nextEscalationAt().isAfter(now)) {
			return;
		}
		String destination = (tracking.destination() != null) ? tracking.destination().id() : null;
		List<String> chain = directory.escalationChain(destination);
		int level = tracking.currentEscalations().size() + 1;
		String eventId = StableId.of("escalated", noteId, tracking.revision(), level);
		Optional<Office> target = (level <= chain.size())
				? directory.office(chain.get(level - 1), now.atZone(this.zone).toLocalDate()) : Optional.empty();
		if (target.isEmpty() || tracking.hasSeen(eventId)) {
			String why = (level == 1) ? "Not acknowledged by " + tracking.nextEscalationAt() + "; the directory names no"
					+ " office above " + destination + " to escalate to"
					: "Still not acknowledged " + this.step + " after escalation level " + (level - 1)
							+ ", the last one: no office left to escalate to";
			decisions.put(tracking.escalationExhausted(StableId.of("overdue", noteId, tracking.revision(), level), now,
					why));
			return;
		}
		Instant next = (level < chain.size()) ? now.plus(this.step) : null;
		Escalation escalation = new Escalation(level, tracking.revision(), target.get(), tracking.nextEscalationAt(),
				now, next);
		NoteTracking after = tracking.escalated(eventId, escalation);
		decisions.put(after);
		decisions.emit(new Emitted(EventTypes.NOTE_ESCALATED, noteId, eventId, now, event(after, level),
				after.traceId()));
		this.deliveries.schedule(decisions, noteId, Purpose.ESCALATION, level, target.get(),
				EventTypes.NOTE_ESCALATED, eventId, now);
	}

	/** The NoteEscalated of a level of the routing in force (as published, and as delivered to the office). */
	static NoteEscalated event(NoteTracking tracking, int level) {
		Escalation escalation = tracking.escalation(level);
		if (escalation == null) {
			return null;
		}
		return new NoteEscalated(tracking.noteId().value(), tracking.registryNumber(), escalation.revision(), level,
				tracking.destination(), escalation.escalatedTo(), escalation.missedDeadline(),
				escalation.escalatedAt(), escalation.nextEscalationAt(), tracking.priority(), tracking.note());
	}

}
