package org.valise.notification.tracking.streams;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteDeliveryFailed;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.ReceiptDrafted;
import org.valise.notification.tracking.DeliveryStatus;
import org.valise.notification.tracking.DeskResult;
import org.valise.notification.tracking.Emitted;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.Purpose;

/**
 * Counts and logs what the desk decided, from the events it publishes: deliveries, failures, escalations,
 * acknowledgements and receipt drafts ({@code valise_notes_*_total}), the delivery and acknowledgement latencies
 * ({@link NoteLatencies}), one log line per fact.
 */
final class DeskReport {

	private static final Logger log = LoggerFactory.getLogger(DeskReport.class);

	private final MeterRegistry meters;

	DeskReport(MeterRegistry meters) {
		this.meters = meters;
	}

	void report(DeskResult result, Function<NoteId, NoteTracking> before) {
		Map<NoteId, NoteTracking> after = result.trackings()
			.stream()
			.collect(Collectors.toMap(NoteTracking::noteId, Function.identity(), (a, b) -> b));
		for (Emitted emitted : result.events()) {
			NoteTracking tracking = after.containsKey(emitted.noteId()) ? after.get(emitted.noteId())
					: before.apply(emitted.noteId());
			String number = (tracking != null) ? tracking.registryNumber() : null;
			switch (emitted.type()) {
				case EventTypes.NOTE_DELIVERED -> delivered((NoteDelivered) emitted.body(), tracking, number);
				case EventTypes.NOTE_DELIVERY_FAILED -> failed((NoteDeliveryFailed) emitted.body(), number);
				case EventTypes.NOTE_ESCALATED -> escalated((NoteEscalated) emitted.body());
				case EventTypes.NOTE_ACKNOWLEDGED -> acknowledged((NoteAcknowledged) emitted.body(),
						before.apply(emitted.noteId()), number);
				case EventTypes.RECEIPT_DRAFTED -> drafted((ReceiptDrafted) emitted.body());
				default -> {
				}
			}
		}
	}

	/** The routing a NoteRouted put in force, and the deliveries it started. */
	void routed(NoteTracking tracking) {
		long pending = tracking.deliveries()
			.stream()
			.filter((d) -> d.revision() == tracking.revision() && d.status() == DeliveryStatus.PENDING)
			.count();
		log.info("Note {} ({}) is {} (revision {}) for {}: {} deliveries pending", tracking.noteId(),
				tracking.registryNumber(), tracking.state(), tracking.revision(),
				(tracking.destination() != null) ? tracking.destination().id() : null, pending);
	}

	private void delivered(NoteDelivered event, NoteTracking tracking, String number) {
		var delivery = (tracking != null) ? tracking.delivery(event.deliveryId()) : null;
		Purpose purpose = (delivery != null) ? delivery.purpose() : Purpose.NOTE;
		this.meters.counter("valise.notes.delivered", "channel", event.channel(), "purpose", purpose.name())
			.increment();
		Instant routedAt = (tracking != null && delivery != null)
				? NoteLatencies.routedAt(tracking, delivery.revision()) : null;
		if (purpose == Purpose.NOTE && routedAt != null) {
			NoteLatencies.delivery(this.meters, event.channel()).record(NoteLatencies.between(routedAt,
					event.deliveredAt()));
		}
		log.info("Delivered {} of note {} ({}) to {} by {} to {}", purpose, event.noteId(), number,
				event.office().id(), event.channel(), event.address());
	}

	private void failed(NoteDeliveryFailed event, String number) {
		this.meters.counter("valise.notes.delivery.failed", "channel", event.channel(), "purpose", event.purpose())
			.increment();
		log.error("Gave up delivering {} of note {} ({}) to {} by {} to {} after {} attempt(s): {}", event.purpose(),
				event.noteId(), number, event.office().id(), event.channel(), event.address(), event.attempts(),
				event.error());
	}

	private void escalated(NoteEscalated event) {
		this.meters.counter("valise.notes.escalated", "level", String.valueOf(event.level()), "office",
				event.escalatedTo().id()).increment();
		log.warn("Note {} ({}) not acknowledged by {} by {}: escalated (level {}) to {}", event.noteId(),
				event.registryNumber(), (event.destination() != null) ? event.destination().id() : null,
				event.missedDeadline(), event.level(), event.escalatedTo().id());
	}

	private void acknowledged(NoteAcknowledged event, NoteTracking before, String number) {
		String office = event.office().id();
		this.meters.counter("valise.notes.acknowledged", "office", office).increment();
		Instant deliveredAt = (before != null) ? NoteLatencies.deliveredAt(before) : null;
		if (deliveredAt != null) {
			NoteLatencies.acknowledgement(this.meters, office).record(NoteLatencies.between(deliveredAt,
					event.acknowledgedAt()));
		}
		log.info("Note {} ({}) acknowledged for {} by {}", event.noteId(), number, office, event.acknowledgedBy());
	}

	private void drafted(ReceiptDrafted event) {
		this.meters.counter("valise.receipts.drafted", "language", event.language()).increment();
		log.info("Drafted the acknowledgement of receipt of note {} ({}) in {}", event.noteId(),
				event.registryNumber(), event.language());
	}

}
