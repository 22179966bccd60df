package org.valise.notification.tracking;

import java.time.Instant;
import java.util.List;

import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteDeliveryFailed;

/** How delivery facts change a note's state. */
final class DeliveryChanges {

	private DeliveryChanges() {
	}

	/** Adds deliveries, pending, to the state (the outbox holds their progress). */
	static NoteTracking scheduled(NoteTracking tracking, List<Delivery> scheduled) {
		TrackingDraft next = new TrackingDraft(tracking);
		next.deliveries.addAll(scheduled);
		return next.build(tracking.state());
	}

	/** Records a failed attempt that will be retried. */
	static NoteTracking attemptFailed(NoteTracking tracking, String deliveryId, int attempts, String error) {
		TrackingDraft next = new TrackingDraft(tracking);
		next.updateDeliveries((d) -> d.deliveryId().equals(deliveryId) ? d.attempted(attempts, error) : d);
		return next.build(tracking.state());
	}

	/** Records a delivery; the first delivery of the routed note in force moves it to DELIVERED. */
	static NoteTracking delivered(NoteTracking tracking, String eventId, int attempts, NoteDelivered event) {
		if (tracking.hasSeen(eventId)) {
			return tracking;
		}
		Delivery delivery = tracking.delivery(event.deliveryId());
		TrackingDraft next = new TrackingDraft(tracking);
		next.updateDeliveries((d) -> d.deliveryId().equals(event.deliveryId())
				? d.attempted(attempts, d.lastError()).withStatus(DeliveryStatus.DELIVERED).at(event.deliveredAt(), null)
				: d);
		TrackingState state = tracking.state();
		boolean current = delivery != null && delivery.revision() == tracking.revision()
				&& delivery.purpose() == Purpose.NOTE;
		boolean moves = current && (state == TrackingState.ROUTED || state == TrackingState.TRIAGE
				|| state == TrackingState.FAILED);
		String office = (event.office() != null) ? event.office().id() : null;
		Purpose purpose = (delivery != null) ? delivery.purpose() : Purpose.NOTE;
		String what = (purpose == Purpose.ESCALATION) ? "Escalation notice delivered to "
				: (purpose == Purpose.COPY) ? "Copy delivered to " : "Delivered to ";
		next.log(event.deliveredAt(), (purpose == Purpose.COPY) ? Fact.COPY_DELIVERED : Fact.DELIVERED,
				what + office + " by " + event.channel() + " to " + event.address(), eventId);
		return next.build(moves ? TrackingState.DELIVERED : state);
	}

	/** Records a delivery given up; the note is FAILED when no delivery of it is left pending or delivered. */
	static NoteTracking failed(NoteTracking tracking, String eventId, NoteDeliveryFailed event) {
		if (tracking.hasSeen(eventId)) {
			return tracking;
		}
		TrackingDraft next = new TrackingDraft(tracking);
		next.updateDeliveries((d) -> d.deliveryId().equals(event.deliveryId())
				? d.attempted(event.attempts(), event.error()).withStatus(DeliveryStatus.FAILED).at(null, event.failedAt())
				: d);
		boolean anyAlive = next.deliveries.stream()
			.anyMatch((d) -> d.revision() == tracking.revision() && d.purpose() == Purpose.NOTE && d.alive());
		TrackingState state = tracking.state();
		boolean fails = !anyAlive && (state == TrackingState.ROUTED || state == TrackingState.TRIAGE);
		next.log(event.failedAt(), Fact.DELIVERY_FAILED, "Delivery to " + event.office().id() + " by "
				+ event.channel() + " to " + event.address() + " failed after " + event.attempts() + " attempt(s): "
				+ event.error(), eventId);
		return next.build(fails ? TrackingState.FAILED : state);
	}

	/** Puts a failed delivery back in the outbox at an operator's request. */
	static NoteTracking retried(NoteTracking tracking, String commandId, String deliveryId, String operator,
			Instant at) {
		TrackingDraft next = new TrackingDraft(tracking);
		next.updateDeliveries((d) -> d.deliveryId().equals(deliveryId)
				? new Delivery(d.deliveryId(), d.revision(), d.purpose(), d.level(), d.office(), d.channel(),
						d.address(), DeliveryStatus.PENDING, 0, d.lastError(), null, null)
				: d);
		TrackingState state = tracking.state();
		if (state == TrackingState.FAILED) {
			state = (tracking.outcome() == RoutingOutcome.TRIAGE) ? TrackingState.TRIAGE : TrackingState.ROUTED;
		}
		next.log(at, Fact.DELIVERY_RETRIED, "Operator " + operator + " asked to retry delivery " + deliveryId,
				commandId);
		return next.build(state);
	}

}
