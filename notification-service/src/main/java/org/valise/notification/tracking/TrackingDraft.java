package org.valise.notification.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.receipt.ReceiptDraft;

/**
 * A mutable copy of a {@link NoteTracking} from which the next state is built, with the bounds every state keeps: the
 * latest {@value #MAX_TIMELINE} facts (counting the earlier ones), the first and latest {@value #MAX_REVISIONS}
 * revisions, the latest {@value #MAX_DELIVERIES} deliveries (those of the routing in force first), sentences of at
 * most {@value #MAX_DETAIL} characters.
 */
final class TrackingDraft {

	static final int MAX_TIMELINE = 200;

	static final int MAX_REVISIONS = 50;

	static final int MAX_DELIVERIES = 100;

	static final int MAX_ESCALATIONS = 50;

	static final int MAX_ACKNOWLEDGEMENTS = 50;

	static final int MAX_DETAIL = 400;

	private final NoteTracking from;

	String registryNumber;

	RoutingOutcome outcome;

	int revision;

	String decidedBy;

	String reason;

	NoteRouted.DuplicateOf duplicateOf;

	String routingEventId;

	String traceId;

	NoteFields note;

	Instant receivedAt;

	Instant registeredAt;

	Office destination;

	List<NoteRouted.Copy> copies;

	String priority;

	Instant acknowledgementDeadline;

	NoteRouted.Explanation explanation;

	List<Delivery> deliveries;

	final List<Acknowledgement> acknowledgements;

	final List<Escalation> escalations;

	Instant nextEscalationAt;

	final List<Revision> revisions;

	ReceiptDraft receiptDraft;

	final List<TimelineEntry> timeline;

	int earlierFacts;

	String submittedBy;

	boolean noteRead;

	TrackingDraft(NoteTracking from) {
		this.from = from;
		this.registryNumber = from.registryNumber();
		this.outcome = from.outcome();
		this.revision = from.revision();
		this.decidedBy = from.decidedBy();
		this.reason = from.reason();
		this.duplicateOf = from.duplicateOf();
		this.routingEventId = from.routingEventId();
		this.traceId = from.traceId();
		this.note = from.note();
		this.receivedAt = from.receivedAt();
		this.registeredAt = from.registeredAt();
		this.destination = from.destination();
		this.copies = from.copies();
		this.priority = from.priority();
		this.acknowledgementDeadline = from.acknowledgementDeadline();
		this.explanation = from.explanation();
		this.deliveries = new ArrayList<>(from.deliveries());
		this.acknowledgements = new ArrayList<>(from.acknowledgements());
		this.escalations = new ArrayList<>(from.escalations());
		this.nextEscalationAt = from.nextEscalationAt();
		this.revisions = new ArrayList<>(from.revisions());
		this.receiptDraft = from.receiptDraft();
		this.timeline = new ArrayList<>(from.timeline());
		this.earlierFacts = from.earlierFacts();
		this.submittedBy = from.submittedBy();
		this.noteRead = from.noteRead();
	}

	void updateDeliveries(UnaryOperator<Delivery> change) {
		this.deliveries = new ArrayList<>(this.deliveries.stream().map(change).toList());
	}

	/** Inserts a timeline entry in order of time (after entries of the same time). */
	void log(Instant at, Fact event, String detail, String eventId) {
		int index = this.timeline.size();
		while (index > 0 && this.timeline.get(index - 1).at().isAfter(at)) {
			index--;
		}
		this.timeline.add(index, new TimelineEntry(at, event, Texts.bounded(detail, MAX_DETAIL), eventId));
	}

	/** Logs a fact that moves the state forward only, and builds. */
	NoteTracking moveForward(TrackingState target, Instant at, String eventId, String detail) {
		TrackingState current = this.from.state();
		boolean moves = current == null || current.movesTo(target, false);
		log(at, Fact.valueOf(target.name()), (moves || current == target) ? detail
				: detail + " (arrived while " + current + ": state unchanged)", eventId);
		return build(moves ? target : current);
	}

	NoteTracking build(TrackingState state) {
		while (this.timeline.size() > MAX_TIMELINE) {
			this.timeline.remove(0);
			this.earlierFacts++;
		}
		while (this.revisions.size() > MAX_REVISIONS) {
			this.revisions.remove(1);
		}
		dropOldest(this.escalations, MAX_ESCALATIONS);
		dropOldest(this.acknowledgements, MAX_ACKNOWLEDGEMENTS);
		while (this.deliveries.size() > MAX_DELIVERIES) {
			int oldest = 0;
			for (int i = 0; i < this.deliveries.size(); i++) {
				Delivery d = this.deliveries.get(i);
				if (d.revision() != this.revision || d.status() != DeliveryStatus.PENDING) {
					oldest = i;
					break;
				}
			}
			this.deliveries.remove(oldest);
		}
		return new NoteTracking(this.from.noteId(), this.registryNumber, state, this.outcome, this.revision,
				this.decidedBy, this.reason, this.duplicateOf, this.routingEventId, this.traceId, this.note,
				this.receivedAt, this.registeredAt, this.destination, List.copyOf(this.copies), this.priority,
				this.acknowledgementDeadline, this.explanation, List.copyOf(this.deliveries),
				List.copyOf(this.acknowledgements), List.copyOf(this.escalations), this.nextEscalationAt,
				List.copyOf(this.revisions), this.receiptDraft, List.copyOf(this.timeline), this.earlierFacts,
				this.submittedBy, this.noteRead);
	}

	/** See {@link NoteTracking#slimmed()}. */
	static NoteTracking slim(NoteTracking tracking) {
		TrackingDraft next = new TrackingDraft(tracking);
		NoteFields n = tracking.note();
		if (n != null) {
			next.note = new NoteFields(n.docType(), n.language(), n.reference(), n.inReplyTo(), n.date(), n.place(),
					n.sender(), n.recipient(), n.recipientHead(), n.enclosures(), n.requestedAction(),
					n.highestDestination(), n.confidential(), n.scripts(), n.subject(), java.util.Map.of());
		}
		NoteRouted.Explanation e = tracking.explanation();
		next.explanation = (e != null) ? new NoteRouted.Explanation(e.rule(), e.summary(), List.of()) : null;
		next.timeline.replaceAll((entry) -> new TimelineEntry(entry.at(), entry.event(), null, entry.ceId()));
		next.revisions.replaceAll((r) -> new Revision(r.revision(), r.outcome(), r.destination(), r.decidedBy(), null,
				r.routedAt()));
		return next.build(tracking.state());
	}

	private static void dropOldest(List<?> list, int max) {
		while (list.size() > max) {
			list.remove(0);
		}
	}

}
