package org.valise.notification.tracking;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.receipt.ReceiptDraft;
import org.valise.platform.security.NoteAccess;
import org.valise.platform.security.NoteAudience;

/**
 * The tracking state of one note and its transitions: pure, kept in the {@code note-tracking} store and never shown
 * as such (the API shows a view of it). A fact already seen (same {@code ce_id}) changes nothing; a late fact never
 * moves the state back; a higher routing revision starts a new cycle ({@link RoutingChange}). Every list is bounded
 * ({@link TrackingDraft}): a note's whole history stays on its topics.
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number, once registered
 * @param state where the note stands (null only before the first fact)
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
 * @param deliveries the deliveries, to the destination or to an office escalated to (the latest ones)
 * @param acknowledgements every acknowledgement
 * @param escalations every escalation, of every revision
 * @param nextEscalationAt when the next escalation is due, null when none is
 * @param revisions the routing decisions taken into account (the first and the latest ones)
 * @param receiptDraft the acknowledgement-of-receipt draft, once drafted
 * @param timeline the facts taken into account, in order of time (the latest ones)
 * @param earlierFacts how many earlier facts the timeline no longer shows
 * @param submittedBy the submitter that sent the note in (intake's caller), once received
 * @param noteRead whether intake's NoteReceived (the note and its text) has been read
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteTracking(NoteId noteId, String registryNumber, TrackingState state, RoutingOutcome outcome,
		int revision, String decidedBy, String reason, NoteRouted.DuplicateOf duplicateOf, String routingEventId,
		String traceId, NoteFields note, Instant receivedAt, Instant registeredAt, Office destination,
		List<NoteRouted.Copy> copies, String priority, Instant acknowledgementDeadline,
		NoteRouted.Explanation explanation, List<Delivery> deliveries, List<Acknowledgement> acknowledgements,
		List<Escalation> escalations, Instant nextEscalationAt, List<Revision> revisions, ReceiptDraft receiptDraft,
		List<TimelineEntry> timeline, int earlierFacts, String submittedBy, boolean noteRead) {

	public NoteTracking {
		copies = (copies != null) ? copies : List.of();
		deliveries = (deliveries != null) ? deliveries : List.of();
		acknowledgements = (acknowledgements != null) ? acknowledgements : List.of();
		escalations = (escalations != null) ? escalations : List.of();
		revisions = (revisions != null) ? revisions : List.of();
		timeline = (timeline != null) ? timeline : List.of();
	}

	/** The state of a note no fact has been seen for yet. */
	public static NoteTracking start(NoteId noteId) {
		return new NoteTracking(noteId, null, null, null, 0, null, null, null, null, null, null, null, null, null,
				List.of(), null, null, null, List.of(), List.of(), List.of(), null, List.of(), null, List.of(), 0, null, false);
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

	/** The escalation of the routing in force at this level, or null. */
	public Escalation escalation(int level) {
		return currentEscalations().stream().filter((e) -> e.level() == level).findFirst().orElse(null);
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

	/** The office with this id among the destination, the offices escalated to and the offices in copy, or null. */
	public Office office(String id) {
		if (this.destination != null && this.destination.id().equalsIgnoreCase(id)) {
			return this.destination;
		}
		return java.util.stream.Stream.concat(currentEscalations().stream().map(Escalation::escalatedTo),
				this.copies.stream().map(NoteRouted.Copy::office))
			.filter((office) -> office != null && office.id() != null && office.id().equalsIgnoreCase(id))
			.findFirst()
			.orElse(null);
	}

	/** Takes a NoteReceived into account, with the trace it came with (kept unless the note has one already). */
	public NoteTracking received(String eventId, Instant at, NoteReceived event, String traceId) {
		if (hasSeen(eventId)) {
			return this;
		}
		TrackingDraft next = new TrackingDraft(this);
		next.traceId = (this.traceId != null) ? this.traceId : traceId;
		next.note = (this.note != null) ? this.note : event.note();
		next.receivedAt = (this.receivedAt != null) ? this.receivedAt : event.receivedAt();
		next.submittedBy = (this.submittedBy != null) ? this.submittedBy : event.submittedBy();
		next.noteRead = true;
		return next.moveForward(TrackingState.RECEIVED, at, eventId, "Received by intake (" + event.format() + ")");
	}

	/** Takes a NoteRouted into account (see {@link RoutingChange}). */
	public NoteTracking routed(String eventId, Instant at, NoteRouted event, String traceId) {
		return RoutingChange.apply(this, eventId, at, event, traceId);
	}

	/** Records an escalation; the note is ESCALATED until acknowledged. */
	public NoteTracking escalated(String eventId, Escalation escalation) {
		if (hasSeen(eventId)) {
			return this;
		}
		TrackingDraft next = new TrackingDraft(this);
		next.escalations.add(escalation);
		next.nextEscalationAt = escalation.nextEscalationAt();
		next.log(escalation.escalatedAt(), Fact.ESCALATED, "Not acknowledged by " + escalation.missedDeadline()
				+ ": escalated (level " + escalation.level() + ") to " + escalation.escalatedTo().id(), eventId);
		return next.build(this.state.settled() ? this.state : TrackingState.ESCALATED);
	}

	/** Records that the deadline passed with no office left to escalate to. */
	public NoteTracking escalationExhausted(String eventId, Instant at, String why) {
		TrackingDraft next = new TrackingDraft(this);
		next.nextEscalationAt = null;
		next.log(at, Fact.OVERDUE, why, eventId);
		return next.build(this.state);
	}

	/** Records an accepted acknowledgement (see {@link AcknowledgementDesk}). */
	public NoteTracking acknowledged(String eventId, Acknowledgement acknowledgement) {
		if (hasSeen(eventId)) {
			return this;
		}
		TrackingDraft next = new TrackingDraft(this);
		next.acknowledgements.add(acknowledgement);
		next.nextEscalationAt = null;
		next.log(acknowledgement.acknowledgedAt(), Fact.ACKNOWLEDGED, "Acknowledged for " + acknowledgement.office()
				+ " by " + acknowledgement.acknowledgedBy() + ("link".equals(acknowledgement.via()) ? " (signed link)" : ""),
				eventId);
		return next.build(TrackingState.ACKNOWLEDGED);
	}

	/** Keeps the acknowledgement-of-receipt draft. */
	public NoteTracking receiptDrafted(ReceiptDraft draft) {
		TrackingDraft next = new TrackingDraft(this);
		next.receiptDraft = draft;
		return next.build(this.state);
	}

	/** The same state without what can be read again from the note's topics (evidence, the timeline's sentences). */
	public NoteTracking slimmed() {
		return TrackingDraft.slim(this);
	}

}
