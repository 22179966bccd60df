package org.valise.notification.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;

/**
 * The tracking view of one note, folded from its events: a state machine that ignores an event it has already seen
 * (same {@code ce_id}), records every other event in the timeline (kept in order of the facts' times) and never moves
 * the state backwards when an event arrives late. Facts a late event carries still fill fields not yet known.
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number, once registered
 * @param state where the note stands (null only before the first event)
 * @param outcome ROUTED or TRIAGE, once routed
 * @param note what intake understood of the note
 * @param receivedAt when intake accepted it
 * @param destination the office that must acknowledge
 * @param copies offices in copy
 * @param priority NORMAL, HIGH or URGENT
 * @param acknowledgementDeadline when the destination must have acknowledged
 * @param explanation why this destination
 * @param deliveries each delivery to an office's channel
 * @param acknowledgements each acknowledgement
 * @param timeline every event taken into account, in order of time
 */
public record NoteTracking(UUID noteId, String registryNumber, TrackingState state, String outcome, NoteFields note,
		Instant receivedAt, Office destination, List<NoteRouted.Copy> copies, String priority,
		Instant acknowledgementDeadline, NoteRouted.Explanation explanation, List<Delivery> deliveries,
		List<Acknowledgement> acknowledgements, List<TimelineEntry> timeline) {

	/** The view of a note no event has been seen for yet. */
	public static NoteTracking start(UUID noteId) {
		return new NoteTracking(noteId, null, null, null, null, null, null, List.of(), null, null, null, List.of(),
				List.of(), List.of());
	}

	/** Whether the event with this {@code ce_id} has already been taken into account. */
	public boolean hasSeen(String eventId) {
		return this.timeline.stream().anyMatch((entry) -> entry.ceId().equals(eventId));
	}

	/** Takes a NoteReceived into account. */
	public NoteTracking received(String eventId, Instant at, NoteReceived event) {
		if (hasSeen(eventId)) {
			return this;
		}
		Draft next = new Draft(this);
		next.note = (this.note != null) ? this.note : event.note();
		next.receivedAt = (this.receivedAt != null) ? this.receivedAt : event.receivedAt();
		return next.advance(TrackingState.RECEIVED, false, at, eventId, "Received by intake (" + event.format() + ")");
	}

	/** Takes a NoteRouted into account; a new routing before delivery (a reroute) replaces the routing facts. */
	public NoteTracking routed(String eventId, Instant at, NoteRouted event) {
		if (hasSeen(eventId)) {
			return this;
		}
		TrackingState target = event.triaged() ? TrackingState.TRIAGE : TrackingState.ROUTED;
		Draft next = new Draft(this);
		boolean replace = this.state == null || this.state.movesTo(target, true) || this.state == target;
		next.registryNumber = (replace || this.registryNumber == null) ? event.registryNumber() : this.registryNumber;
		next.note = (this.note != null) ? this.note : event.note();
		next.receivedAt = (this.receivedAt != null) ? this.receivedAt : event.receivedAt();
		if (replace || this.destination == null) {
			next.destination = event.destination();
		}
		if (replace || this.outcome == null) {
			next.outcome = event.outcome();
			next.copies = (event.copies() != null) ? event.copies() : List.of();
			next.priority = event.priority();
			next.acknowledgementDeadline = event.acknowledgementDeadline();
			next.explanation = event.explanation();
		}
		String office = (event.destination() != null) ? event.destination().id() : "no office";
		String rule = (event.explanation() != null) ? event.explanation().rule() : "none";
		String detail = "Registered as " + event.registryNumber()
				+ (event.triaged() ? " and sent to triage (" : " and routed to ") + office
				+ (event.triaged() ? ")" : "") + " by rule " + rule;
		if (event.destination() != null && event.destination().channelsOfType(Office.EMAIL).isEmpty()) {
			detail += "; the office has no e-mail channel: not deliverable";
		}
		return next.advance(target, true, at, eventId, detail);
	}

	/** Takes a NoteDelivered into account; every delivery is recorded, the first one moves the state. */
	public NoteTracking delivered(String eventId, Instant at, NoteDelivered event) {
		if (hasSeen(eventId)) {
			return this;
		}
		Draft next = new Draft(this);
		next.registryNumber = (this.registryNumber != null) ? this.registryNumber : event.registryNumber();
		next.destination = (this.destination != null) ? this.destination : event.office();
		String office = (event.office() != null) ? event.office().id() : null;
		next.deliveries.add(new Delivery(event.deliveryId(), office, event.channel(), event.address(),
				event.deliveredAt()));
		return next.advance(TrackingState.DELIVERED, false, at, eventId,
				"Delivered to " + office + " by " + event.channel() + " to " + event.address());
	}

	/** Takes a NoteAcknowledged into account; every acknowledgement is recorded, the first one moves the state. */
	public NoteTracking acknowledged(String eventId, Instant at, NoteAcknowledged event) {
		if (hasSeen(eventId)) {
			return this;
		}
		Draft next = new Draft(this);
		next.registryNumber = (this.registryNumber != null) ? this.registryNumber : event.registryNumber();
		String office = (event.office() != null) ? event.office().id() : null;
		next.acknowledgements.add(new Acknowledgement(office, event.acknowledgedBy(), event.acknowledgedAt(),
				event.comment()));
		return next.advance(TrackingState.ACKNOWLEDGED, false, at, eventId,
				"Acknowledged for " + office + " by " + event.acknowledgedBy());
	}

	/**
	 * A delivery of the note to an office's channel.
	 *
	 * @param deliveryId stable id of the delivery
	 * @param office the office id
	 * @param channel email or webhook
	 * @param address where it was delivered
	 * @param deliveredAt when the channel accepted it
	 */
	public record Delivery(String deliveryId, String office, String channel, String address, Instant deliveredAt) {
	}

	/**
	 * An acknowledgement of the note by an office.
	 *
	 * @param office the office id
	 * @param acknowledgedBy who acknowledged
	 * @param acknowledgedAt when
	 * @param comment optional comment
	 */
	public record Acknowledgement(String office, String acknowledgedBy, Instant acknowledgedAt, String comment) {
	}

	/**
	 * One event in the note's life.
	 *
	 * @param at when the fact happened
	 * @param event what happened: RECEIVED, ROUTED, TRIAGE, DELIVERED or ACKNOWLEDGED
	 * @param detail a sentence for a clerk, saying also when a late event left the state unchanged
	 * @param ceId the event's CloudEvents id
	 */
	public record TimelineEntry(Instant at, String event, String detail, String ceId) {
	}

	/** A mutable copy used to compute the next view. */
	private static final class Draft {

		private final NoteTracking from;

		private String registryNumber;

		private String outcome;

		private NoteFields note;

		private Instant receivedAt;

		private Office destination;

		private List<NoteRouted.Copy> copies;

		private String priority;

		private Instant acknowledgementDeadline;

		private NoteRouted.Explanation explanation;

		private final List<Delivery> deliveries;

		private final List<Acknowledgement> acknowledgements;

		Draft(NoteTracking from) {
			this.from = from;
			this.registryNumber = from.registryNumber;
			this.outcome = from.outcome;
			this.note = from.note;
			this.receivedAt = from.receivedAt;
			this.destination = from.destination;
			this.copies = from.copies;
			this.priority = from.priority;
			this.acknowledgementDeadline = from.acknowledgementDeadline;
			this.explanation = from.explanation;
			this.deliveries = new ArrayList<>(from.deliveries);
			this.acknowledgements = new ArrayList<>(from.acknowledgements);
		}

		NoteTracking advance(TrackingState target, boolean sidewaysAllowed, Instant at, String eventId,
				String detail) {
			TrackingState current = this.from.state;
			boolean moves = current == null || current.movesTo(target, sidewaysAllowed);
			TrackingState state = moves ? target : current;
			String fullDetail = (moves || current == target) ? detail
					: detail + " (arrived while " + current + ": state unchanged)";
			List<TimelineEntry> timeline = new ArrayList<>(this.from.timeline);
			int index = timeline.size();
			while (index > 0 && timeline.get(index - 1).at().isAfter(at)) {
				index--;
			}
			timeline.add(index, new TimelineEntry(at, target.name(), fullDetail, eventId));
			return new NoteTracking(this.from.noteId, this.registryNumber, state, this.outcome, this.note,
					this.receivedAt, this.destination, List.copyOf(this.copies), this.priority,
					this.acknowledgementDeadline, this.explanation, List.copyOf(this.deliveries),
					List.copyOf(this.acknowledgements), List.copyOf(timeline));
		}

	}

}
