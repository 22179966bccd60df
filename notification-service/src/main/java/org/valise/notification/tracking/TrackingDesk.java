package org.valise.notification.tracking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.command.RetryDelivery;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.receipt.ReceiptDraft;

/**
 * The tracking desk: every decision about a note's delivery and acknowledgement, taken from its current state with
 * the time passed in — what a received or routed note changes, the deliveries to make (to the destination, and an
 * information copy to each office in copy), the outcomes of attempts, the
 * acknowledgements, the operators' retries, the escalations that fell due. It reads through a {@link TrackingView}
 * and returns what to store, publish and send ({@link DeskResult}); it never writes anything itself.
 */
public final class TrackingDesk {

	private final DeliveryPlanner deliveries;

	private final EscalationPlanner escalations;

	private final AcknowledgementDesk acknowledgements;

	private final ReceiptPolicy receipts;

	public TrackingDesk(DeliveryPlanner deliveries, EscalationPlanner escalations,
			AcknowledgementDesk acknowledgements, ReceiptPolicy receipts) {
		this.deliveries = deliveries;
		this.escalations = escalations;
		this.acknowledgements = acknowledgements;
		this.receipts = receipts;
	}

	/** Intake accepted the note. */
	public DeskResult received(TrackingView view, NoteId noteId, NoteReceived event, String eventId, Instant at,
			String traceId, Instant now) {
		Decisions decisions = new Decisions(view);
		NoteTracking before = decisions.tracking(noteId);
		NoteTracking base = (before != null) ? before : NoteTracking.start(noteId);
		NoteTracking after = base.received(eventId, at, event, traceId);
		if (after != base) {
			decisions.put(after);
			if (!base.noteRead()) {
				this.deliveries.releaseHeld(decisions, noteId, now);
			}
		}
		return decisions.result();
	}

	/** The registry registered and routed the note (or a clerk rerouted it). */
	public DeskResult routed(TrackingView view, NoteId noteId, NoteRouted event, String eventId, Instant at,
			String traceId, Instant now) {
		Decisions decisions = new Decisions(view);
		NoteTracking before = decisions.tracking(noteId);
		NoteTracking base = (before != null) ? before : NoteTracking.start(noteId);
		NoteTracking after = base.routed(eventId, at, event, traceId);
		if (after == base) {
			return DeskResult.NOTHING;
		}
		decisions.put(after);
		if (!Objects.equals(after.routingEventId(), base.routingEventId())) {
			decisions.routingInForce();
			this.deliveries.cancelSuperseded(decisions, after);
			if (!event.duplicate() && event.destination() != null) {
				this.deliveries.schedule(decisions, noteId, Purpose.NOTE, 0, event.destination(),
						EventTypes.NOTE_ROUTED, eventId, now);
				copies(event).forEach((copy) -> this.deliveries.schedule(decisions, noteId, Purpose.COPY, 0, copy,
						EventTypes.NOTE_ROUTED, eventId, now));
			}
			if (!event.duplicate()) {
				Instant registeredAt = (event.registeredAt() != null) ? event.registeredAt() : now;
				this.receipts.draftOn(ReceiptDraft.ON_REGISTRATION, decisions, noteId, registeredAt);
			}
		}
		return decisions.result();
	}

	/** The offices in copy of a routing, each once, the destination left out. */
	private static List<Office> copies(NoteRouted event) {
		Map<String, Office> offices = new LinkedHashMap<>();
		for (NoteRouted.Copy copy : (event.copies() != null) ? event.copies() : List.<NoteRouted.Copy>of()) {
			if (copy.office() != null && copy.office().id() != null
					&& !copy.office().id().equalsIgnoreCase(event.destination().id())) {
				offices.putIfAbsent(copy.office().id(), copy.office());
			}
		}
		return List.copyOf(offices.values());
	}

	/** An office acknowledges the note (the answer is in the result's reply). */
	public DeskResult acknowledge(TrackingView view, AcknowledgeNote command, Instant now) {
		Decisions decisions = new Decisions(view);
		this.acknowledgements.acknowledge(decisions, command, view.directory(), now);
		return decisions.result();
	}

	/** The sender reports an attempt's outcome. */
	public DeskResult attempted(TrackingView view, DeliveryAttempted outcome) {
		Decisions decisions = new Decisions(view);
		this.deliveries.attempted(decisions, outcome);
		return decisions.result();
	}

	/** An operator asks to retry a failed delivery (the answer is in the result's reply). */
	public DeskResult retry(TrackingView view, RetryDelivery command, Instant now) {
		Decisions decisions = new Decisions(view);
		NoteId noteId = NoteId.of(command.noteId());
		NoteTracking tracking = decisions.tracking(noteId);
		if (tracking == null) {
			decisions.reply(CommandResult.refused(command.commandId(), command.noteId(), CommandResult.NOT_FOUND, null,
					null, "No note " + noteId + " is known to notification-service"));
			return decisions.result();
		}
		Refusal refusal = this.deliveries.retry(decisions, tracking, command.deliveryId(), command.commandId(),
				command.operator(), now);
		if (refusal != null) {
			String state = CommandResult.NOT_FOUND.equals(refusal.outcome()) ? String.valueOf(tracking.state())
					: String.valueOf(tracking.delivery(command.deliveryId()).status());
			decisions.reply(CommandResult.refused(command.commandId(), command.noteId(), refusal.outcome(),
					tracking.registryNumber(), state, "Note " + noteId + ": " + refusal.detail()));
			return decisions.result();
		}
		NoteTracking after = decisions.tracking(noteId);
		Object office = after.delivery(command.deliveryId()).office();
		decisions.reply(new CommandResult(command.commandId(), command.noteId(), CommandResult.ACCEPTED,
				after.registryNumber(), String.valueOf(after.state()),
				"delivery " + command.deliveryId() + " is pending again", String.valueOf(office), null,
				command.operator(), now, null, null));
		return decisions.result();
	}

	/** Deliveries and escalations fell due: attempts to make again, leases expired, deadlines passed. */
	public DeskResult due(TrackingView view, List<String> deliveryIds, List<NoteId> escalations, Instant now) {
		Decisions decisions = new Decisions(view);
		deliveryIds.forEach((deliveryId) -> this.deliveries.due(decisions, deliveryId, now));
		escalations.forEach((noteId) -> this.escalations.escalateIfDue(decisions, noteId, view.directory(), now));
		return decisions.result();
	}

}
