package org.valise.notification.tracking;

import java.time.Instant;
import java.util.UUID;

import org.valise.notification.delivery.DeliveryJob;
import org.valise.notification.event.Office;

/**
 * A delivery in the {@code delivery-outbox} store (changelogged): what to send where, and when to try next. An entry
 * stays until the delivery succeeds; a failed one stays (marked) so an operator can retry it.
 *
 * @param deliveryId the delivery
 * @param noteId the note
 * @param registryNumber its registry number
 * @param revision the routing revision it belongs to
 * @param purpose NOTE or ESCALATION
 * @param level 0 or the escalation level
 * @param office the receiving office
 * @param channel email or webhook
 * @param address where to
 * @param eventType the {@code ce_type} of the event delivered
 * @param eventId its {@code ce_id}
 * @param payload its JSON (the webhook's body)
 * @param routed the NoteRouted JSON in force (the e-mail is written from it)
 * @param traceId the note's trace id
 * @param round 0, then one more for each operator retry
 * @param attempt attempts dispatched in this round
 * @param nextAttemptAt when the next attempt is due
 * @param leaseUntil while an attempt is out: until when its outcome is awaited
 * @param failed whether the delivery was given up
 */
record OutboxEntry(String deliveryId, UUID noteId, String registryNumber, int revision, String purpose, int level,
		Office office, String channel, String address, String eventType, String eventId, String payload, String routed,
		String traceId, int round, int attempt, Instant nextAttemptAt, Instant leaseUntil, boolean failed) {

	/** The job of the next attempt. */
	DeliveryJob nextJob() {
		return new DeliveryJob(this.deliveryId, this.attempt + 1, this.noteId, this.registryNumber, this.purpose,
				this.level, this.office, this.channel, this.address, this.eventType, this.eventId, this.payload,
				this.routed, this.traceId);
	}

	OutboxEntry dispatched(Instant leaseUntil) {
		return new OutboxEntry(this.deliveryId, this.noteId, this.registryNumber, this.revision, this.purpose,
				this.level, this.office, this.channel, this.address, this.eventType, this.eventId, this.payload,
				this.routed, this.traceId, this.round, this.attempt + 1, this.nextAttemptAt, leaseUntil, false);
	}

	OutboxEntry retryAt(Instant nextAttemptAt) {
		return new OutboxEntry(this.deliveryId, this.noteId, this.registryNumber, this.revision, this.purpose,
				this.level, this.office, this.channel, this.address, this.eventType, this.eventId, this.payload,
				this.routed, this.traceId, this.round, this.attempt, nextAttemptAt, null, false);
	}

	OutboxEntry givenUp() {
		return new OutboxEntry(this.deliveryId, this.noteId, this.registryNumber, this.revision, this.purpose,
				this.level, this.office, this.channel, this.address, this.eventType, this.eventId, this.payload,
				this.routed, this.traceId, this.round, this.attempt, null, null, true);
	}

	OutboxEntry nextRound(Instant now) {
		return new OutboxEntry(this.deliveryId, this.noteId, this.registryNumber, this.revision, this.purpose,
				this.level, this.office, this.channel, this.address, this.eventType, this.eventId, this.payload,
				this.routed, this.traceId, this.round + 1, 0, now, null, false);
	}

}
