package org.valise.notification.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.command.RetryDelivery;
import org.valise.notification.delivery.DeliveryDispatcher;
import org.valise.notification.event.CloudEvents;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteDeliveryFailed;
import org.valise.notification.event.Office;
import org.valise.notification.tracing.NoteTraces;

/**
 * The delivery outbox of one tracking task ({@code delivery-outbox} store): schedules a delivery per channel of an
 * office, hands due attempts to the {@link DeliveryDispatcher} (never waiting on an office), and turns each attempt's
 * outcome into NoteDelivered, a retry after backoff, or NoteDeliveryFailed — each in the task's transaction with the
 * tracking view. An attempt whose outcome does not come back within its lease counts as failed and is dispatched
 * again (at-least-once towards the office; webhooks carry the event id for deduplication).
 */
class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private final KeyValueStore<String, OutboxEntry> outbox;

	private final Trackings trackings;

	private final Emitter emitter;

	private final DeliveryDispatcher dispatcher;

	private final RetryBackoff backoff;

	private final Duration lease;

	private final MeterRegistry meters;

	private final Random random = new Random();

	Deliveries(KeyValueStore<String, OutboxEntry> outbox, Trackings trackings, Emitter emitter,
			DeliveryDispatcher dispatcher, RetryBackoff backoff, Duration lease, MeterRegistry meters) {
		this.outbox = outbox;
		this.trackings = trackings;
		this.emitter = emitter;
		this.dispatcher = dispatcher;
		this.backoff = backoff;
		this.lease = lease;
		this.meters = meters;
	}

	/**
	 * Puts one delivery per e-mail or webhook channel of the office in the outbox, due now.
	 * @return the tracking view with the new deliveries, pending
	 */
	NoteTracking schedule(NoteTracking tracking, String purpose, int level, Office office, String eventType,
			String eventId, String payload, String routed, Instant now) {
		List<NoteTracking.Delivery> scheduled = new ArrayList<>();
		List<Office.Channel> channels = new ArrayList<>(office.channelsOfType(Office.EMAIL));
		channels.addAll(office.channelsOfType(Office.WEBHOOK));
		for (Office.Channel channel : channels) {
			String deliveryId = CloudEvents.stableId("delivery", tracking.noteId(), tracking.routingEventId(), purpose,
					level, channel.type(), channel.address());
			if (this.outbox.get(deliveryId) != null || tracking.delivery(deliveryId) != null) {
				continue;
			}
			this.outbox.put(deliveryId, new OutboxEntry(deliveryId, tracking.noteId(), tracking.registryNumber(),
					tracking.revision(), purpose, level, office, channel.type(), channel.address(), eventType, eventId,
					payload, routed, tracking.traceId(), 0, 0, now, null, false));
			scheduled.add(new NoteTracking.Delivery(deliveryId, tracking.revision(), purpose, level, office.id(),
					channel.type(), channel.address(), NoteTracking.DeliveryStatus.PENDING, 0, null, null, null));
		}
		return scheduled.isEmpty() ? tracking : tracking.deliveriesScheduled(scheduled);
	}

	/** Takes the deliveries a new routing superseded out of the outbox. */
	void cancelSuperseded(NoteTracking tracking) {
		tracking.deliveries()
			.stream()
			.filter((delivery) -> delivery.status() == NoteTracking.DeliveryStatus.SUPERSEDED)
			.forEach((delivery) -> this.outbox.delete(delivery.deliveryId()));
	}

	/** Punctuation: dispatches due attempts, and counts attempts whose lease expired as failed. */
	void dispatch(Instant now) {
		List<OutboxEntry> entries = new ArrayList<>();
		try (KeyValueIterator<String, OutboxEntry> all = this.outbox.all()) {
			while (all.hasNext()) {
				KeyValue<String, OutboxEntry> entry = all.next();
				if (!entry.value.failed()) {
					entries.add(entry.value);
				}
			}
		}
		for (OutboxEntry entry : entries) {
			try (NoteTraces.Scope trace = NoteTraces.inScope(entry.traceId())) {
				if (entry.leaseUntil() != null) {
					if (!entry.leaseUntil().isAfter(now)) {
						failedAttempt(entry, false, "no outcome within " + this.lease, now);
					}
				}
				else if (entry.nextAttemptAt() != null && !entry.nextAttemptAt().isAfter(now)
						&& this.dispatcher.offer(entry.nextJob())) {
					this.outbox.put(entry.deliveryId(), entry.dispatched(now.plus(this.lease)));
				}
			}
		}
	}

	/** Takes an attempt's outcome into account; an outcome of an attempt no longer awaited is ignored. */
	void attempted(DeliveryAttempted outcome) {
		OutboxEntry entry = this.outbox.get(outcome.deliveryId());
		if (entry == null || entry.failed() || entry.leaseUntil() == null || entry.attempt() != outcome.attempt()) {
			log.debug("Ignored outcome of attempt {} of delivery {} of note {}: not awaited", outcome.attempt(),
					outcome.deliveryId(), outcome.noteId());
			return;
		}
		Instant at = outcome.at().truncatedTo(ChronoUnit.MILLIS);
		if (!outcome.succeeded()) {
			failedAttempt(entry, outcome.permanent(), outcome.error(), at);
			return;
		}
		this.outbox.delete(entry.deliveryId());
		NoteTracking tracking = this.trackings.get(entry.noteId().toString());
		NoteDelivered event = new NoteDelivered(entry.noteId(), entry.registryNumber(), entry.deliveryId(),
				entry.office(), entry.channel(), entry.address(), at);
		String eventId = CloudEvents.stableId("delivered", entry.deliveryId(), entry.round());
		this.emitter.event(entry.noteId(), CloudEvents.NOTE_DELIVERED, eventId, at, event, entry.traceId());
		if (tracking != null) {
			this.trackings.put(tracking, tracking.delivered(eventId, entry.attempt(), event));
			Instant routedAt = NoteLatencies.routedAt(tracking, entry.revision());
			if (NoteTracking.NOTE.equals(entry.purpose()) && routedAt != null && !tracking.hasSeen(eventId)) {
				NoteLatencies.delivery(this.meters, entry.channel()).record(NoteLatencies.between(routedAt, at));
			}
		}
		this.meters.counter("valise.notes.delivered", "channel", entry.channel(), "purpose", entry.purpose())
			.increment();
	}

	/** An operator's retry of a failed delivery: back in the outbox, due now. */
	CommandResult retry(RetryDelivery command, Instant now) {
		NoteTracking tracking = this.trackings.get(command.noteId().toString());
		if (tracking == null) {
			return CommandResult.refused(command.commandId(), command.noteId(), CommandResult.NOT_FOUND, null, null,
					"No note " + command.noteId() + " is known to notification-service");
		}
		NoteTracking.Delivery delivery = tracking.delivery(command.deliveryId());
		String state = String.valueOf(tracking.state());
		if (delivery == null) {
			return CommandResult.refused(command.commandId(), command.noteId(), CommandResult.NOT_FOUND,
					tracking.registryNumber(), state, "Note " + command.noteId() + " has no delivery " + command.deliveryId());
		}
		OutboxEntry entry = this.outbox.get(command.deliveryId());
		if (delivery.status() != NoteTracking.DeliveryStatus.FAILED || entry == null || !entry.failed()) {
			return CommandResult.refused(command.commandId(), command.noteId(), CommandResult.CONFLICT,
					tracking.registryNumber(), delivery.status().name(),
					"delivery " + command.deliveryId() + " is " + delivery.status() + ", only a FAILED one can be retried");
		}
		this.outbox.put(entry.deliveryId(), entry.nextRound(now));
		NoteTracking after = tracking.retried(command.commandId(), command.deliveryId(), command.operator(), now);
		this.trackings.put(tracking, after);
		log.info("Operator {} retries delivery {} of note {} ({}) to {} by {}", command.operator(),
				command.deliveryId(), command.noteId(), tracking.registryNumber(), delivery.office(),
				delivery.channel());
		return new CommandResult(command.commandId(), command.noteId(), CommandResult.ACCEPTED,
				tracking.registryNumber(), String.valueOf(after.state()), "delivery " + command.deliveryId()
						+ " is pending again", delivery.office(), null, command.operator(), now, null, null);
	}

	private void failedAttempt(OutboxEntry entry, boolean permanent, String error, Instant at) {
		NoteTracking tracking = this.trackings.get(entry.noteId().toString());
		if (!permanent && this.backoff.retries(entry.attempt())) {
			Instant next = at.plus(this.backoff.delay(entry.attempt(), this.random.nextDouble()));
			this.outbox.put(entry.deliveryId(), entry.retryAt(next));
			if (tracking != null) {
				this.trackings.put(tracking, tracking.attemptFailed(entry.deliveryId(), entry.attempt(), error));
			}
			return;
		}
		this.outbox.put(entry.deliveryId(), entry.givenUp());
		NoteDeliveryFailed event = new NoteDeliveryFailed(entry.noteId(), entry.registryNumber(), entry.deliveryId(),
				entry.office(), entry.channel(), entry.address(), entry.purpose(), Math.max(1, entry.attempt()),
				(error != null) ? error : "unknown error", permanent, at);
		String eventId = CloudEvents.stableId("delivery-failed", entry.deliveryId(), entry.round());
		this.emitter.event(entry.noteId(), CloudEvents.NOTE_DELIVERY_FAILED, eventId, at, event, entry.traceId());
		if (tracking != null) {
			this.trackings.put(tracking, tracking.deliveryFailed(eventId, event));
		}
		this.meters.counter("valise.notes.delivery.failed", "channel", entry.channel(), "purpose", entry.purpose())
			.increment();
		log.error("Gave up delivering {} of note {} ({}) to {} by {} to {} after {} attempt(s): {}", entry.purpose(),
				entry.noteId(), entry.registryNumber(), entry.office().id(), entry.channel(), entry.address(),
				entry.attempt(), error);
	}

}
