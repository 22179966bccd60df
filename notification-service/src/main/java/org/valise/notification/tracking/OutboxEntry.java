package org.valise.notification.tracking;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A delivery in the {@code delivery-outbox} store: a reference to what is delivered (the note's routing in force or
 * one of its escalations, read from the note's state when an attempt is dispatched) and where, and how far its
 * attempts went. Small and bounded: it never holds the note. It stays until the delivery succeeds; a failed one stays,
 * marked, so that an operator can retry it.
 *
 * @param deliveryId the delivery
 * @param noteId the note
 * @param revision the routing revision it belongs to
 * @param purpose NOTE or ESCALATION
 * @param level 0 or the escalation level
 * @param office the receiving office's id
 * @param channel email or webhook
 * @param address where to
 * @param eventType the {@code ce_type} of the event delivered
 * @param eventId its {@code ce_id}
 * @param round 0, then one more for each operator retry
 * @param attempt attempts dispatched in this round
 * @param nextAttemptAt when the next attempt is due, while waiting for it
 * @param leaseUntil while an attempt is out: when it counts as failed if no outcome came
 * @param failed whether the delivery was given up
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutboxEntry(String deliveryId, NoteId noteId, int revision, Purpose purpose, int level, String office,
		String channel, String address, String eventType, String eventId, int round, int attempt,
		Instant nextAttemptAt, Instant leaseUntil, boolean failed) {

	/** When the entry next needs the desk: its lease's end while an attempt is out, else its next attempt; or null. */
	public Instant dueAt() {
		if (this.failed) {
			return null;
		}
		return (this.leaseUntil != null) ? this.leaseUntil : this.nextAttemptAt;
	}

	/** Whether an attempt is out, awaiting its outcome. */
	public boolean awaiting() {
		return !this.failed && this.leaseUntil != null;
	}

	OutboxEntry dispatched(Instant leaseUntil) {
		return new OutboxEntry(this.deliveryId, this.noteId, this.revision, this.purpose, this.level, this.office,
				this.channel, this.address, this.eventType, this.eventId, this.round, this.attempt + 1, null,
				leaseUntil, false);
	}

	OutboxEntry retryAt(Instant nextAttemptAt) {
		return new OutboxEntry(this.deliveryId, this.noteId, this.revision, this.purpose, this.level, this.office,
				this.channel, this.address, this.eventType, this.eventId, this.round, this.attempt, nextAttemptAt, null,
				false);
	}

	OutboxEntry givenUp() {
		return new OutboxEntry(this.deliveryId, this.noteId, this.revision, this.purpose, this.level, this.office,
				this.channel, this.address, this.eventType, this.eventId, this.round, this.attempt, null, null, true);
	}

	OutboxEntry nextRound() {
		return new OutboxEntry(this.deliveryId, this.noteId, this.revision, this.purpose, this.level, this.office,
				this.channel, this.address, this.eventType, this.eventId, this.round + 1, 0, null, null, false);
	}

}
