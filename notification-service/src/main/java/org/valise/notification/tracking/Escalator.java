package org.valise.notification.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.directory.Directory;
import org.valise.notification.event.CloudEvents;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.Office;
import org.valise.notification.tracing.NoteTraces;

/**
 * Escalates notes whose acknowledgement deadline passed, one level per due deadline, up the directory's escalation
 * chain (parent after parent up to the head; the head's deputy for a note routed to the head). Marking the level in the
 * tracking view, publishing NoteEscalated and putting the notice to the new office in the outbox happen in the same
 * Kafka transaction, and the level is computed from the levels already recorded (its event id is derived from note,
 * revision and level): each level is escalated exactly once, across restarts and instances.
 */
class Escalator {

	private static final Logger log = LoggerFactory.getLogger(Escalator.class);

	private final Trackings trackings;

	private final KeyValueStore<String, String> routings;

	private final Deliveries deliveries;

	private final Emitter emitter;

	private final Directory directory;

	private final Duration step;

	private final MeterRegistry meters;

	Escalator(Trackings trackings, KeyValueStore<String, String> routings, Deliveries deliveries, Emitter emitter,
			Directory directory, Duration step, MeterRegistry meters) {
		this.trackings = trackings;
		this.routings = routings;
		this.deliveries = deliveries;
		this.emitter = emitter;
		this.directory = directory;
		this.step = step;
		this.meters = meters;
	}

	/** Punctuation: escalates every note whose next escalation is due. */
	void escalateDue(Instant now) {
		for (Trackings.Due due : this.trackings.due(now)) {
			NoteTracking tracking = this.trackings.get(due.noteId());
			if (tracking == null || tracking.nextEscalationAt() == null || tracking.state().settled()
					|| tracking.nextEscalationAt().toEpochMilli() != due.at().toEpochMilli()) {
				this.trackings.forgetDeadline(due.at(), due.noteId());
				continue;
			}
			try (NoteTraces.Scope trace = NoteTraces.inScope(tracking.traceId())) {
				escalate(tracking, now);
			}
		}
	}

	private void escalate(NoteTracking tracking, Instant now) {
		String destination = (tracking.destination() != null) ? tracking.destination().id() : null;
		List<String> chain = this.directory.escalationChain(destination);
		int level = tracking.currentEscalations().size() + 1;
		String eventId = CloudEvents.stableId("escalated", tracking.noteId(), tracking.revision(), level);
		Optional<Office> target = (level <= chain.size())
				? this.directory.office(chain.get(level - 1), now.atZone(ZoneOffset.UTC).toLocalDate())
				: Optional.empty();
		if (target.isEmpty() || tracking.hasSeen(eventId)) {
			String why = (level == 1) ? "Not acknowledged by " + tracking.nextEscalationAt() + "; the directory names no"
					+ " office above " + destination + " to escalate to"
					: "Still not acknowledged " + this.step + " after escalation level " + (level - 1)
							+ ", the last one: no office left to escalate to";
			this.trackings.put(tracking, tracking.escalationExhausted(
					CloudEvents.stableId("overdue", tracking.noteId(), tracking.revision(), level), now, why));
			log.warn("Note {} ({}) is overdue: {}", tracking.noteId(), tracking.registryNumber(), why);
			return;
		}
		Instant next = (level < chain.size()) ? now.plus(this.step) : null;
		NoteEscalated event = new NoteEscalated(tracking.noteId(), tracking.registryNumber(), tracking.revision(), level,
				tracking.destination(), target.get(), tracking.nextEscalationAt(), now, next, tracking.priority(),
				tracking.note());
		String payload = this.emitter.event(tracking.noteId(), CloudEvents.NOTE_ESCALATED, eventId, now, event,
				tracking.traceId());
		NoteTracking after = this.deliveries.schedule(tracking.escalated(eventId, event), NoteTracking.ESCALATION,
				level, target.get(), CloudEvents.NOTE_ESCALATED, eventId, payload,
				this.routings.get(tracking.noteId().toString()), now);
		this.trackings.put(tracking, after);
		this.meters.counter("valise.notes.escalated", "level", String.valueOf(level), "office", target.get().id())
			.increment();
		log.warn("Note {} ({}) not acknowledged by {} by {}: escalated (level {}) to {}", tracking.noteId(),
				tracking.registryNumber(), destination, tracking.nextEscalationAt(), level, target.get().id());
	}

}
