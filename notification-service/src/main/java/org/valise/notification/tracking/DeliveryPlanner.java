package org.valise.notification.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteDeliveryFailed;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.Office;

/**
 * Plans deliveries: one per e-mail or webhook channel of an office, its first attempt dispatched at once; each
 * outcome turned into NoteDelivered, a retry after backoff, or NoteDeliveryFailed; an attempt whose outcome did not
 * come back within its lease counted as failed (and made again with the same delivery id, which receivers
 * de-duplicate on). Every dispatch is recorded in the outbox in the same decisions that hand it to the sender.
 */
public final class DeliveryPlanner {

	private final RetryBackoff backoff;

	private final Duration lease;

	private final Duration textWait;

	private final DoubleSupplier random;

	/**
	 * @param backoff the waits between attempts
	 * @param lease how long an attempt may stay without outcome before it counts as failed
	 * @param textWait how long an e-mail waits for the note's text when the routing was read before the note (the
	 * e-mail carries the text); after that it leaves without
	 * @param random numbers in [0, 1) for the backoff's jitter
	 */
	public DeliveryPlanner(RetryBackoff backoff, Duration lease, Duration textWait, DoubleSupplier random) {
		this.backoff = backoff;
		this.lease = lease;
		this.textWait = textWait;
		this.random = random;
	}

	/** Puts one delivery per e-mail or webhook channel of the office in the outbox and dispatches it now. */
	void schedule(Decisions decisions, NoteId noteId, Purpose purpose, int level, Office office, String eventType,
			String eventId, Instant now) {
		NoteTracking tracking = decisions.tracking(noteId);
		List<Office.Channel> channels = new ArrayList<>(office.channelsOfType(Office.EMAIL));
		channels.addAll(office.channelsOfType(Office.WEBHOOK));
		List<Delivery> scheduled = new ArrayList<>();
		for (Office.Channel channel : channels) {
			String deliveryId = StableId.of("delivery", noteId, tracking.routingEventId(), purpose, level,
					channel.type(), channel.address());
			if (decisions.outbox(deliveryId) != null || tracking.delivery(deliveryId) != null) {
				continue;
			}
			OutboxEntry entry = new OutboxEntry(deliveryId, noteId, tracking.revision(), purpose, level, office.id(),
					channel.type(), channel.address(), eventType, eventId, 0, 0, now, null, false);
			scheduled.add(new Delivery(deliveryId, tracking.revision(), purpose, level, office.id(), channel.type(),
					channel.address(), DeliveryStatus.PENDING, 0, null, null, null));
			if (Office.EMAIL.equals(channel.type()) && !tracking.noteRead()) {
				decisions.putOutbox(entry.retryAt(now.plus(this.textWait)));
			}
			else {
				dispatch(decisions, tracking, entry, now);
			}
		}
		if (!scheduled.isEmpty()) {
			decisions.put(DeliveryChanges.scheduled(tracking, scheduled));
		}
	}

	/** Dispatches now the deliveries of a note held until its text was read. */
	void releaseHeld(Decisions decisions, NoteId noteId, Instant now) {
		NoteTracking tracking = decisions.tracking(noteId);
		for (Delivery delivery : tracking.deliveries()) {
			OutboxEntry entry = (delivery.status() == DeliveryStatus.PENDING) ? decisions.outbox(delivery.deliveryId())
					: null;
			if (entry != null && entry.attempt() == 0 && entry.round() == 0 && !entry.awaiting() && !entry.failed()) {
				dispatch(decisions, tracking, entry, now);
			}
		}
	}

	/** Takes the deliveries a new routing superseded out of the outbox. */
	void cancelSuperseded(Decisions decisions, NoteTracking tracking) {
		tracking.deliveries()
			.stream()
			.filter((delivery) -> delivery.status() == DeliveryStatus.SUPERSEDED)
			.forEach((delivery) -> decisions.deleteOutbox(delivery.deliveryId()));
	}

	/** Takes an attempt's outcome into account; the outcome of an attempt no longer awaited changes nothing. */
	void attempted(Decisions decisions, DeliveryAttempted outcome) {
		OutboxEntry entry = decisions.outbox(outcome.deliveryId());
		if (entry == null || !entry.awaiting() || entry.round() != outcome.round() || entry.attempt() != outcome.attempt()) {
			return;
		}
		Instant at = outcome.at().truncatedTo(ChronoUnit.MILLIS);
		if (!outcome.succeeded()) {
			failedAttempt(decisions, entry, outcome.permanent(), outcome.error(), at);
			return;
		}
		decisions.deleteOutbox(entry.deliveryId());
		NoteTracking tracking = decisions.tracking(entry.noteId());
		Office office = officeOf(tracking, entry);
		NoteDelivered event = new NoteDelivered(entry.noteId().value(), registryNumber(tracking), entry.deliveryId(),
				office, entry.channel(), entry.address(), at, entry.purpose().name());
		String eventId = StableId.of("delivered", entry.deliveryId(), entry.round());
		decisions.emit(new Emitted(EventTypes.NOTE_DELIVERED, entry.noteId(), eventId, at, event, traceId(tracking)));
		if (tracking != null) {
			decisions.put(DeliveryChanges.delivered(tracking, eventId, entry.attempt(), event));
		}
	}

	/** An entry of the outbox is due: its lease expired without outcome, or its next attempt is due. */
	void due(Decisions decisions, String deliveryId, Instant now) {
		OutboxEntry entry = decisions.outbox(deliveryId);
		if (entry == null || entry.dueAt() == null || entry.dueAt().isAfter(now)) {
			return;
		}
		if (entry.awaiting()) {
			failedAttempt(decisions, entry, false, "no outcome within " + this.lease, now);
			return;
		}
		dispatch(decisions, decisions.tracking(entry.noteId()), entry, now);
	}

	/**
	 * An operator's retry of a failed delivery: a new round of attempts, the first dispatched now.
	 * @return the refusal, or null when accepted
	 */
	Refusal retry(Decisions decisions, NoteTracking tracking, String deliveryId, String commandId, String operator,
			Instant now) {
		Delivery delivery = tracking.delivery(deliveryId);
		OutboxEntry entry = decisions.outbox(deliveryId);
		if (delivery == null) {
			return new Refusal("NOT_FOUND", "it has no delivery " + deliveryId, java.util.Set.of());
		}
		if (delivery.status() != DeliveryStatus.FAILED || entry == null || !entry.failed()) {
			return new Refusal("CONFLICT", "delivery " + deliveryId + " is " + delivery.status()
					+ ", only a FAILED one can be retried", java.util.Set.of());
		}
		NoteTracking after = DeliveryChanges.retried(tracking, commandId, deliveryId, operator, now);
		decisions.put(after);
		dispatch(decisions, after, entry.nextRound(), now);
		return null;
	}

	private void dispatch(Decisions decisions, NoteTracking tracking, OutboxEntry entry, Instant now) {
		OutboxEntry out = entry.dispatched(now.plus(this.lease));
		decisions.putOutbox(out);
		NoteEscalated escalation = (entry.purpose() == Purpose.ESCALATION && tracking != null)
				? EscalationPlanner.event(tracking, entry.level()) : null;
		decisions.dispatch(new Dispatch(out.deliveryId(), out.round(), out.attempt(), out.noteId(),
				registryNumber(tracking), out.purpose(), out.level(), officeOf(tracking, out), out.channel(),
				out.address(), out.eventType(), out.eventId(), traceId(tracking),
				(tracking != null) ? tracking.priority() : null, escalation));
	}

	private void failedAttempt(Decisions decisions, OutboxEntry entry, boolean permanent, String error, Instant at) {
		NoteTracking tracking = decisions.tracking(entry.noteId());
		if (!permanent && this.backoff.retries(entry.attempt())) {
			Instant next = at.plus(this.backoff.delay(entry.attempt(), this.random.getAsDouble()));
			decisions.putOutbox(entry.retryAt(next));
			if (tracking != null) {
				decisions.put(DeliveryChanges.attemptFailed(tracking, entry.deliveryId(), entry.attempt(), error));
			}
			return;
		}
		decisions.putOutbox(entry.givenUp());
		NoteDeliveryFailed event = new NoteDeliveryFailed(entry.noteId().value(), registryNumber(tracking),
				entry.deliveryId(), officeOf(tracking, entry), entry.channel(), entry.address(), entry.purpose().name(),
				Math.max(1, entry.attempt()), (error != null) ? Texts.bounded(error, Delivery.MAX_ERROR) : "unknown error",
				permanent, at);
		String eventId = StableId.of("delivery-failed", entry.deliveryId(), entry.round());
		decisions.emit(new Emitted(EventTypes.NOTE_DELIVERY_FAILED, entry.noteId(), eventId, at, event,
				traceId(tracking)));
		if (tracking != null) {
			decisions.put(DeliveryChanges.failed(tracking, eventId, event));
		}
	}

	/** The office a delivery goes to, as the note's state knows it (else only its id and the channel). */
	private static Office officeOf(NoteTracking tracking, OutboxEntry entry) {
		Office office = (tracking != null) ? tracking.office(entry.office()) : null;
		if (office == null && tracking != null && entry.purpose() == Purpose.ESCALATION) {
			office = tracking.escalations()
				.stream()
				.filter((e) -> e.level() == entry.level() && e.escalatedTo().id().equalsIgnoreCase(entry.office()))
				.map(Escalation::escalatedTo)
				.findFirst()
				.orElse(null);
		}
		return (office != null) ? office : new Office(entry.office(), entry.office(), null, null,
				List.of(new Office.Channel(entry.channel(), entry.address())));
	}

	private static String registryNumber(NoteTracking tracking) {
		return (tracking != null) ? tracking.registryNumber() : null;
	}

	private static String traceId(NoteTracking tracking) {
		return (tracking != null) ? tracking.traceId() : null;
	}

}
