package org.valise.notification.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.valise.notification.delivery.DeliveryJob;
import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteDeliveryFailed;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.receipt.ReceiptDraft;
import org.valise.platform.security.NoteAccess;
import org.valise.platform.security.NoteAudience;

/**
 * The tracking view of one note and the state machine behind it, kept in the {@code note-tracking} store. It ignores
 * an event it has already seen (same {@code ce_id}), records every other fact in the timeline (in order of the facts'
 * times), never moves back on a late event, starts a new cycle on a higher routing revision, and refuses an illegal
 * acknowledgement (see {@link #acknowledgementRefusal}) without changing anything.
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number, once registered
 * @param state where the note stands (null only before the first event)
 * @param outcome ROUTED, TRIAGE or DUPLICATE, once routed
 * @param revision the routing revision in force (0 before routing)
 * @param decidedBy 'rules' or the clerk who (re)routed the note
 * @param reason why a clerk (re)routed it
 * @param duplicateOf for a DUPLICATE, the note registered first
 * @param routingEventId the {@code ce_id} of the routing in force
 * @param traceId the note's trace id, if any
 * @param note what intake understood of the note
 * @param receivedAt when intake accepted it
 * @param registeredAt when the registry registered it
 * @param destination the office that must acknowledge
 * @param copies offices in copy
 * @param priority NORMAL, HIGH or URGENT
 * @param acknowledgementDeadline when the destination must have acknowledged
 * @param explanation why this destination
 * @param deliveries every delivery, of every revision, to the destination or to an office escalated to
 * @param acknowledgements every acknowledgement
 * @param escalations every escalation, of every revision
 * @param nextEscalationAt when the next escalation is due, null when none is
 * @param revisions every routing decision taken into account
 * @param receiptDraft the acknowledgement-of-receipt draft, once drafted
 * @param timeline every fact taken into account, in order of time
 * @param submittedBy the submitter that sent the note in (intake's caller), once received
 */
public record NoteTracking(UUID noteId, String registryNumber, TrackingState state, String outcome, int revision,
		String decidedBy, String reason, NoteRouted.DuplicateOf duplicateOf, String routingEventId, String traceId,
		NoteFields note, Instant receivedAt, Instant registeredAt, Office destination, List<NoteRouted.Copy> copies,
		String priority, Instant acknowledgementDeadline, NoteRouted.Explanation explanation, List<Delivery> deliveries,
		List<Acknowledgement> acknowledgements, List<Escalation> escalations, Instant nextEscalationAt,
		List<Revision> revisions, ReceiptDraft receiptDraft, List<TimelineEntry> timeline, String submittedBy) {

	/** Delivery of the routed note to its destination. */
	public static final String NOTE = DeliveryJob.NOTE;

	/** Delivery of an escalation notice to the office escalated to. */
	public static final String ESCALATION = DeliveryJob.ESCALATION;

	/** The view of a note no event has been seen for yet. */
	public static NoteTracking start(UUID noteId) {
		return new NoteTracking(noteId, null, null, null, 0, null, null, null, null, null, null, null, null, null,
				List.of(), null, null, null, List.of(), List.of(), List.of(), null, List.of(), null, List.of(), null);
	}

	/** Who the note is for, as far as reading it goes (see {@link NoteAccess}). */
	public NoteAudience audience() {
		return new NoteAudience((this.destination != null) ? this.destination.id() : null,
				this.copies.stream().filter((copy) -> copy.office() != null).map((copy) -> copy.office().id())
					.collect(Collectors.toSet()),
				this.escalations.stream().map((escalation) -> escalation.escalatedTo().id()).collect(Collectors.toSet()),
				this.note != null && this.note.confidential(), this.submittedBy);
	}

	/** Whether the fact with this id ({@code ce_id}, or command id) has already been taken into account. */
	public boolean hasSeen(String eventId) {
		return this.timeline.stream().anyMatch((entry) -> eventId.equals(entry.ceId()));
	}

	/** Whether the acknowledgement deadline in force has passed without acknowledgement. */
	public boolean overdue(Instant now) {
		return this.acknowledgementDeadline != null && this.state != null && !this.state.settled()
				&& this.acknowledgementDeadline.isBefore(now);
	}

	/** The delivery with this id, or null. */
	public Delivery delivery(String deliveryId) {
		return this.deliveries.stream().filter((d) -> d.deliveryId().equals(deliveryId)).findFirst().orElse(null);
	}

	/** The escalations of the routing revision in force. */
	public List<Escalation> currentEscalations() {
		return this.escalations.stream().filter((e) -> e.revision() == this.revision).toList();
	}

	/** Takes a NoteReceived into account. */
	public NoteTracking received(String eventId, Instant at, NoteReceived event) {
		return received(eventId, at, event, null);
	}

	/** Takes a NoteReceived into account, with the trace it came with (kept unless the note has one already). */
	public NoteTracking received(String eventId, Instant at, NoteReceived event, String traceId) {
		if (hasSeen(eventId)) {
			return this;
		}
		Draft next = new Draft(this);
		next.traceId = (this.traceId != null) ? this.traceId : traceId;
		next.note = (this.note != null) ? this.note : event.note();
		next.receivedAt = (this.receivedAt != null) ? this.receivedAt : event.receivedAt();
		next.submittedBy = (this.submittedBy != null) ? this.submittedBy : event.submittedBy();
		return next.moveForward(TrackingState.RECEIVED, at, eventId, "Received by intake (" + event.format() + ")");
	}

	/**
	 * Takes a NoteRouted into account. A higher revision (a clerk's reroute), the first routing, or a sideways move
	 * between ROUTED and TRIAGE before delivery puts the routing in force ({@link #routingEventId()} becomes
	 * {@code eventId}): new destination, deadline and cycle, pending deliveries of older revisions superseded. Any other
	 * routing is recorded and only fills facts not yet known.
	 */
	public NoteTracking routed(String eventId, Instant at, NoteRouted event, String traceId) {
		if (hasSeen(eventId)) {
			return this;
		}
		if (event.duplicate() && event.duplicateOf() != null && event.duplicateOf().noteId().equals(this.noteId)) {
			// The registry saw this very note again (a submission retried with its Idempotency-Key): the note
			// itself is not a duplicate of anything, so its routing, deliveries and state stay as they are.
			Draft next = new Draft(this);
			next.log(at, TrackingState.DUPLICATE.name(), "The same submission was received again (retried); "
					+ "nothing more to do", eventId);
			return next.build(this.state);
		}
		int revision = event.revisionOrFirst();
		TrackingState target = event.duplicate() ? TrackingState.DUPLICATE
				: event.triaged() ? TrackingState.TRIAGE : TrackingState.ROUTED;
		boolean sideways = revision == this.revision
				&& (this.state == TrackingState.ROUTED || this.state == TrackingState.TRIAGE)
				&& (target != this.state || !sameOffice(event.destination(), this.destination));
		Draft next = new Draft(this);
		next.note = (this.note != null) ? this.note : event.note();
		next.receivedAt = (this.receivedAt != null) ? this.receivedAt : event.receivedAt();
		String detail = routingDetail(event, revision);
		if (revision < this.revision || (revision == this.revision && !sideways)) {
			next.registryNumber = (this.registryNumber != null) ? this.registryNumber : event.registryNumber();
			String why = (revision < this.revision) ? " (revision " + revision + " superseded by revision "
					+ this.revision + ": ignored)" : " (arrived while " + this.state + ": state unchanged)";
			next.log(at, target.name(), detail + why, eventId);
			return next.build(this.state);
		}
		next.registryNumber = event.registryNumber();
		next.outcome = event.outcome();
		next.revision = revision;
		next.decidedBy = event.decidedBy();
		next.reason = event.reason();
		next.duplicateOf = event.duplicateOf();
		next.routingEventId = eventId;
		next.traceId = (traceId != null) ? traceId : this.traceId;
		next.registeredAt = (this.registeredAt != null) ? this.registeredAt : event.registeredAt();
		next.destination = event.destination();
		next.copies = (event.copies() != null) ? event.copies() : List.of();
		next.priority = event.priority();
		next.acknowledgementDeadline = event.duplicate() ? null : event.acknowledgementDeadline();
		next.explanation = event.explanation();
		next.nextEscalationAt = next.acknowledgementDeadline;
		next.updateDeliveries((d) -> (d.revision() < revision || sideways) && d.status() != DeliveryStatus.DELIVERED
				? d.withStatus(DeliveryStatus.SUPERSEDED) : d);
		next.revisions.add(new Revision(revision, event.outcome(),
				(event.destination() != null) ? event.destination().id() : null, event.decidedBy(), event.reason(), at));
		next.log(at, target.name(), detail, eventId);
		return next.build(target);
	}

	/** Adds deliveries, pending, to the view (the outbox holds what they carry). */
	public NoteTracking deliveriesScheduled(List<Delivery> scheduled) {
		Draft next = new Draft(this);
		next.deliveries.addAll(scheduled);
		return next.build(this.state);
	}

	/** Records a failed attempt that will be retried. */
	public NoteTracking attemptFailed(String deliveryId, int attempts, String error) {
		Draft next = new Draft(this);
		next.updateDeliveries((d) -> d.deliveryId().equals(deliveryId) ? d.attempted(attempts, error) : d);
		return next.build(this.state);
	}

	/** Records a delivery; the first delivery of the routed note moves it to DELIVERED. */
	public NoteTracking delivered(String eventId, int attempts, NoteDelivered event) {
		if (hasSeen(eventId)) {
			return this;
		}
		Delivery delivery = delivery(event.deliveryId());
		Draft next = new Draft(this);
		next.updateDeliveries((d) -> d.deliveryId().equals(event.deliveryId())
				? d.attempted(attempts, d.lastError()).withStatus(DeliveryStatus.DELIVERED).at(event.deliveredAt(), null)
				: d);
		boolean current = delivery != null && delivery.revision() == this.revision;
		TrackingState state = (current && (this.state == TrackingState.ROUTED || this.state == TrackingState.TRIAGE
				|| this.state == TrackingState.FAILED)) ? TrackingState.DELIVERED : this.state;
		String office = (event.office() != null) ? event.office().id() : null;
		String what = (delivery != null && ESCALATION.equals(delivery.purpose())) ? "Escalation notice delivered to "
				: "Delivered to ";
		next.log(event.deliveredAt(), "DELIVERED", what + office + " by " + event.channel() + " to " + event.address(),
				eventId);
		return next.build(state);
	}

	/** Records a delivery given up; the note is FAILED when no delivery of it is left pending or delivered. */
	public NoteTracking deliveryFailed(String eventId, NoteDeliveryFailed event) {
		if (hasSeen(eventId)) {
			return this;
		}
		Draft next = new Draft(this);
		next.updateDeliveries((d) -> d.deliveryId().equals(event.deliveryId())
				? d.attempted(event.attempts(), event.error()).withStatus(DeliveryStatus.FAILED).at(null, event.failedAt())
				: d);
		boolean anyAlive = next.deliveries.stream()
			.anyMatch((d) -> d.revision() == this.revision && NOTE.equals(d.purpose())
					&& (d.status() == DeliveryStatus.PENDING || d.status() == DeliveryStatus.DELIVERED));
		TrackingState state = (!anyAlive && (this.state == TrackingState.ROUTED || this.state == TrackingState.TRIAGE))
				? TrackingState.FAILED : this.state;
		next.log(event.failedAt(), "DELIVERY_FAILED", "Delivery to " + event.office().id() + " by " + event.channel()
				+ " to " + event.address() + " failed after " + event.attempts() + " attempt(s): " + event.error(),
				eventId);
		return next.build(state);
	}

	/** Puts a failed delivery back in the outbox at an operator's request. */
	public NoteTracking retried(String commandId, String deliveryId, String operator, Instant at) {
		Draft next = new Draft(this);
		next.updateDeliveries((d) -> d.deliveryId().equals(deliveryId)
				? new Delivery(d.deliveryId(), d.revision(), d.purpose(), d.level(), d.office(), d.channel(),
						d.address(), DeliveryStatus.PENDING, 0, d.lastError(), null, null)
				: d);
		TrackingState state = (this.state == TrackingState.FAILED)
				? (NoteRouted.TRIAGE.equals(this.outcome) ? TrackingState.TRIAGE : TrackingState.ROUTED) : this.state;
		next.log(at, "DELIVERY_RETRIED", "Operator " + operator + " asked to retry delivery " + deliveryId, commandId);
		return next.build(state);
	}

	/** Records an escalation; the note is ESCALATED until acknowledged. */
	public NoteTracking escalated(String eventId, NoteEscalated event) {
		if (hasSeen(eventId)) {
			return this;
		}
		Draft next = new Draft(this);
		next.escalations.add(new Escalation(event.level(), event.revision(), event.escalatedTo(),
				event.missedDeadline(), event.escalatedAt()));
		next.nextEscalationAt = event.nextEscalationAt();
		next.log(event.escalatedAt(), "ESCALATED", "Not acknowledged by " + event.missedDeadline() + ": escalated (level "
				+ event.level() + ") to " + event.escalatedTo().id(), eventId);
		return next.build(this.state.settled() ? this.state : TrackingState.ESCALATED);
	}

	/** Records that the deadline passed with no office left to escalate to. */
	public NoteTracking escalationExhausted(String eventId, Instant at, String why) {
		Draft next = new Draft(this);
		next.nextEscalationAt = null;
		next.log(at, "OVERDUE", why, eventId);
		return next.build(this.state);
	}

	/**
	 * Why an office may not acknowledge the note now, or null when it may.
	 * @param office the acknowledging office
	 * @param destinationDeputy the destination's deputy in the directory, or null
	 * @param tokenId the signed link's id, or null
	 */
	public Refusal acknowledgementRefusal(String office, String destinationDeputy, String tokenId) {
		if (this.state == null || this.revision == 0) {
			return new Refusal(Refusal.CONFLICT, "it has not been routed yet", Set.of());
		}
		if (this.state == TrackingState.DUPLICATE) {
			return new Refusal(Refusal.CONFLICT, "it is a duplicate of note "
					+ ((this.duplicateOf != null) ? this.duplicateOf.registryNumber() : "registered earlier")
					+ "; acknowledge that one", Set.of());
		}
		if (tokenId != null && this.acknowledgements.stream().anyMatch((ack) -> tokenId.equals(ack.tokenId()))) {
			return new Refusal(Refusal.GONE, "this acknowledgement link has already been used", Set.of());
		}
		Set<String> allowed = acknowledgers(destinationDeputy);
		if (allowed.stream().noneMatch((id) -> id.equalsIgnoreCase(office))) {
			return new Refusal(Refusal.FORBIDDEN, "only " + String.join(" or ", allowed) + " may acknowledge it", allowed);
		}
		Acknowledgement done = this.acknowledgements.stream()
			.filter((ack) -> ack.revision() == this.revision)
			.findFirst()
			.orElse(null);
		if (done != null) {
			return new Refusal(Refusal.CONFLICT, "it has already been acknowledged for " + done.office() + " by "
					+ done.acknowledgedBy() + " at " + done.acknowledgedAt(), allowed);
		}
		boolean delivered = this.deliveries.stream()
			.anyMatch((d) -> d.revision() == this.revision && d.status() == DeliveryStatus.DELIVERED);
		return delivered ? null : new Refusal(Refusal.CONFLICT, "it has not been delivered yet", allowed);
	}

	/** The offices that may acknowledge: the destination, and after escalation its deputy and the offices escalated to. */
	public Set<String> acknowledgers(String destinationDeputy) {
		Set<String> offices = new LinkedHashSet<>();
		if (this.destination != null) {
			offices.add(this.destination.id());
		}
		List<Escalation> escalated = currentEscalations();
		if (!escalated.isEmpty()) {
			if (destinationDeputy != null) {
				offices.add(destinationDeputy);
			}
			escalated.forEach((e) -> offices.add(e.escalatedTo().id()));
		}
		return offices;
	}

	/** Records an accepted acknowledgement (see {@link #acknowledgementRefusal}). */
	public NoteTracking acknowledged(String eventId, NoteAcknowledged event, String via, String tokenId) {
		if (hasSeen(eventId)) {
			return this;
		}
		Draft next = new Draft(this);
		String office = (event.office() != null) ? event.office().id() : null;
		next.acknowledgements.add(new Acknowledgement(office, event.acknowledgedBy(), event.acknowledgedAt(),
				event.comment(), this.revision, via, tokenId));
		next.nextEscalationAt = null;
		next.log(event.acknowledgedAt(), "ACKNOWLEDGED", "Acknowledged for " + office + " by " + event.acknowledgedBy()
				+ ("link".equals(via) ? " (signed link)" : ""), eventId);
		return next.build(TrackingState.ACKNOWLEDGED);
	}

	/** Keeps the acknowledgement-of-receipt draft. */
	public NoteTracking receiptDrafted(ReceiptDraft draft) {
		Draft next = new Draft(this);
		next.receiptDraft = draft;
		return next.build(this.state);
	}

	private static boolean sameOffice(Office a, Office b) {
		return (a == null) ? b == null : b != null && a.id() != null && a.id().equals(b.id());
	}

	private static String routingDetail(NoteRouted event, int revision) {
		String office = (event.destination() != null) ? event.destination().id() : "no office";
		String rule = (event.explanation() != null) ? event.explanation().rule() : "none";
		String by = (event.decidedBy() != null && !"rules".equals(event.decidedBy())) ? " by " + event.decidedBy()
				+ ((event.reason() != null) ? " (" + event.reason() + ")" : "") : " by rule " + rule;
		if (event.duplicate()) {
			return "Registered as " + event.registryNumber() + ", a duplicate of "
					+ ((event.duplicateOf() != null) ? event.duplicateOf().registryNumber() : "an earlier note")
					+ ": not delivered";
		}
		String detail = ((revision > 1) ? "Rerouted (revision " + revision + ") to " + office + by
				: "Registered as " + event.registryNumber()
						+ (event.triaged() ? " and sent to triage (" + office + ")" : " and routed to " + office) + by);
		if (event.destination() != null && event.destination().channelsOfType(Office.EMAIL).isEmpty()
				&& event.destination().channelsOfType(Office.WEBHOOK).isEmpty()) {
			detail += "; the office has no e-mail or webhook channel: not deliverable";
		}
		return detail;
	}

	/** Where a delivery stands. */
	public enum DeliveryStatus {

		/** In the outbox: being sent, or waiting for its next attempt. */
		PENDING,

		/** The channel accepted it. */
		DELIVERED,

		/** Given up (retries exhausted or permanent error); an operator may retry it. */
		FAILED,

		/** A later routing revision replaced it before it was delivered. */
		SUPERSEDED

	}

	/**
	 * A delivery of the note (or of an escalation notice) to one channel of an office.
	 *
	 * @param deliveryId stable id (note, routing, purpose, level, channel, address)
	 * @param revision the routing revision it belongs to
	 * @param purpose NOTE or ESCALATION
	 * @param level 0 for the note, the escalation level otherwise
	 * @param office the office id
	 * @param channel email or webhook
	 * @param address where to
	 * @param status where it stands
	 * @param attempts attempts made
	 * @param lastError the last failed attempt's error
	 * @param deliveredAt when the channel accepted it
	 * @param failedAt when it was given up
	 */
	public record Delivery(String deliveryId, int revision, String purpose, int level, String office, String channel,
			String address, DeliveryStatus status, int attempts, String lastError, Instant deliveredAt,
			Instant failedAt) {

		Delivery withStatus(DeliveryStatus status) {
			return new Delivery(this.deliveryId, this.revision, this.purpose, this.level, this.office, this.channel,
					this.address, status, this.attempts, this.lastError, this.deliveredAt, this.failedAt);
		}

		Delivery attempted(int attempts, String error) {
			return new Delivery(this.deliveryId, this.revision, this.purpose, this.level, this.office, this.channel,
					this.address, this.status, attempts, error, this.deliveredAt, this.failedAt);
		}

		Delivery at(Instant deliveredAt, Instant failedAt) {
			return new Delivery(this.deliveryId, this.revision, this.purpose, this.level, this.office, this.channel,
					this.address, this.status, this.attempts, this.lastError, deliveredAt, failedAt);
		}

	}

	/**
	 * An acknowledgement of the note.
	 *
	 * @param office the office id
	 * @param acknowledgedBy who acknowledged
	 * @param acknowledgedAt when
	 * @param comment optional comment
	 * @param revision the routing revision acknowledged
	 * @param via api or link
	 * @param tokenId the signed link's id, when acknowledged by link
	 */
	public record Acknowledgement(String office, String acknowledgedBy, Instant acknowledgedAt, String comment,
			int revision, String via, String tokenId) {
	}

	/**
	 * An escalation of the note.
	 *
	 * @param level 1, 2, ...
	 * @param revision the routing revision whose deadline passed
	 * @param escalatedTo the office notified
	 * @param missedDeadline the deadline that passed
	 * @param escalatedAt when
	 */
	public record Escalation(int level, int revision, Office escalatedTo, Instant missedDeadline, Instant escalatedAt) {
	}

	/**
	 * A routing decision taken into account.
	 *
	 * @param revision its revision
	 * @param outcome ROUTED, TRIAGE or DUPLICATE
	 * @param destination the office id
	 * @param decidedBy 'rules' or a clerk
	 * @param reason a clerk's reason
	 * @param routedAt when
	 */
	public record Revision(int revision, String outcome, String destination, String decidedBy, String reason,
			Instant routedAt) {
	}

	/**
	 * One fact in the note's life.
	 *
	 * @param at when the fact happened
	 * @param event RECEIVED, ROUTED, TRIAGE, DUPLICATE, DELIVERED, DELIVERY_FAILED, DELIVERY_RETRIED, ESCALATED, OVERDUE
	 * or ACKNOWLEDGED
	 * @param detail a sentence for a clerk, saying also when a late event left the state unchanged
	 * @param ceId the event's CloudEvents id (or the command's id)
	 */
	public record TimelineEntry(Instant at, String event, String detail, String ceId) {
	}

	/**
	 * Why an acknowledgement is refused.
	 *
	 * @param outcome CONFLICT, FORBIDDEN or GONE
	 * @param detail the reason, completing "Note … is …: "
	 * @param allowedOffices the offices that may acknowledge
	 */
	public record Refusal(String outcome, String detail, Set<String> allowedOffices) {

		static final String CONFLICT = "CONFLICT";

		static final String FORBIDDEN = "FORBIDDEN";

		static final String GONE = "GONE";

	}

	/** A mutable copy used to compute the next view. */
	private static final class Draft {

		private final NoteTracking from;

		private String registryNumber;

		private String outcome;

		private int revision;

		private String decidedBy;

		private String reason;

		private NoteRouted.DuplicateOf duplicateOf;

		private String routingEventId;

		private String traceId;

		private NoteFields note;

		private Instant receivedAt;

		private Instant registeredAt;

		private Office destination;

		private List<NoteRouted.Copy> copies;

		private String priority;

		private Instant acknowledgementDeadline;

		private NoteRouted.Explanation explanation;

		private List<Delivery> deliveries;

		private final List<Acknowledgement> acknowledgements;

		private final List<Escalation> escalations;

		private Instant nextEscalationAt;

		private final List<Revision> revisions;

		private ReceiptDraft receiptDraft;

		private final List<TimelineEntry> timeline;

		private String submittedBy;

		Draft(NoteTracking from) {
			this.from = from;
			this.registryNumber = from.registryNumber;
			this.outcome = from.outcome;
			this.revision = from.revision;
			this.decidedBy = from.decidedBy;
			this.reason = from.reason;
			this.duplicateOf = from.duplicateOf;
			this.routingEventId = from.routingEventId;
			this.traceId = from.traceId;
			this.note = from.note;
			this.receivedAt = from.receivedAt;
			this.registeredAt = from.registeredAt;
			this.destination = from.destination;
			this.copies = from.copies;
			this.priority = from.priority;
			this.acknowledgementDeadline = from.acknowledgementDeadline;
			this.explanation = from.explanation;
			this.deliveries = new ArrayList<>(from.deliveries);
			this.acknowledgements = new ArrayList<>(from.acknowledgements);
			this.escalations = new ArrayList<>(from.escalations);
			this.nextEscalationAt = from.nextEscalationAt;
			this.revisions = new ArrayList<>(from.revisions);
			this.receiptDraft = from.receiptDraft;
			this.timeline = new ArrayList<>(from.timeline);
			this.submittedBy = from.submittedBy;
		}

		void updateDeliveries(UnaryOperator<Delivery> change) {
			this.deliveries = new ArrayList<>(this.deliveries.stream().map(change).toList());
		}

		/** Inserts a timeline entry in order of time (after entries of the same time). */
		void log(Instant at, String event, String detail, String eventId) {
			int index = this.timeline.size();
			while (index > 0 && this.timeline.get(index - 1).at().isAfter(at)) {
				index--;
			}
			this.timeline.add(index, new TimelineEntry(at, event, detail, eventId));
		}

		/** Logs an event that moves the state forward only, and builds. */
		NoteTracking moveForward(TrackingState target, Instant at, String eventId, String detail) {
			TrackingState current = this.from.state;
			boolean moves = current == null || current.movesTo(target, false);
			log(at, target.name(), (moves || current == target) ? detail
					: detail + " (arrived while " + current + ": state unchanged)", eventId);
			return build(moves ? target : current);
		}

		NoteTracking build(TrackingState state) {
			return new NoteTracking(this.from.noteId, this.registryNumber, state, this.outcome, this.revision,
					this.decidedBy, this.reason, this.duplicateOf, this.routingEventId, this.traceId, this.note,
					this.receivedAt, this.registeredAt, this.destination, List.copyOf(this.copies), this.priority,
					this.acknowledgementDeadline, this.explanation, List.copyOf(this.deliveries),
					List.copyOf(this.acknowledgements), List.copyOf(this.escalations), this.nextEscalationAt,
					List.copyOf(this.revisions), this.receiptDraft, List.copyOf(this.timeline), this.submittedBy);
		}

	}

}
