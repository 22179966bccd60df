package org.valise.notification.tracking.web;

import java.time.Instant;
import java.util.List;

import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.receipt.ReceiptDraft;
import org.valise.notification.tracking.Acknowledgement;
import org.valise.notification.tracking.Delivery;
import org.valise.notification.tracking.Escalation;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.Revision;
import org.valise.notification.tracking.RoutingOutcome;
import org.valise.notification.tracking.TimelineEntry;
import org.valise.notification.tracking.TrackingState;
import org.valise.platform.security.NoteAccess;

/**
 * A note's tracking view as {@code GET /api/v1/notes/{noteId}} shows it to one caller: the whole view to those who
 * may read the note's content; its registry facts only (number, state, offices, deadlines, deliveries, escalations,
 * the times of its timeline) to those who may not — no field read from the note, no evidence, no explanation
 * quoting it, no clerk's reason, no acknowledgement comment, no receipt draft, no timeline sentence.
 *
 * @param access what the caller may see: {@code CONTENT} or {@code REGISTRY_FACTS}
 * @param noteId the note's id
 * @param registryNumber the registry's number, once registered
 * @param state where the note stands
 * @param outcome ROUTED, TRIAGE or DUPLICATE, once routed
 * @param revision the routing revision in force
 * @param decidedBy 'rules' or the clerk who (re)routed the note
 * @param reason why a clerk (re)routed it (content)
 * @param duplicateOf for a DUPLICATE, the note registered first
 * @param traceId the note's trace id, if any
 * @param note what intake understood of the note (content)
 * @param receivedAt when intake accepted it
 * @param registeredAt when the registry registered it
 * @param destination the office that must acknowledge
 * @param copies offices in copy
 * @param priority NORMAL, HIGH or URGENT
 * @param acknowledgementDeadline when the destination must have acknowledged
 * @param explanation why this destination (content: the rule alone otherwise)
 * @param deliveries every delivery
 * @param acknowledgements every acknowledgement (comments are content)
 * @param escalations every escalation
 * @param nextEscalationAt when the next escalation is due
 * @param revisions every routing decision taken into account (reasons are content)
 * @param receiptDraft the acknowledgement-of-receipt draft (content)
 * @param timeline the facts, in order of time (the sentences are content)
 * @param earlierFacts how many earlier facts the timeline no longer shows (the note's topics keep them)
 */
public record NoteView(NoteAccess access, NoteId noteId, String registryNumber, TrackingState state, RoutingOutcome outcome,
		int revision, String decidedBy, String reason, NoteRouted.DuplicateOf duplicateOf, String traceId,
		NoteFields note, Instant receivedAt, Instant registeredAt, Office destination, List<NoteRouted.Copy> copies,
		String priority, Instant acknowledgementDeadline, NoteRouted.Explanation explanation,
		List<Delivery> deliveries, List<Acknowledgement> acknowledgements,
		List<Escalation> escalations, Instant nextEscalationAt, List<Revision> revisions,
		ReceiptDraft receiptDraft, List<TimelineEntry> timeline, int earlierFacts) {

	/** The view of a tracking for a caller with this access ({@link NoteAccess#NONE} has no view: 404). */
	static NoteView of(NoteTracking t, NoteAccess access) {
		if (access == NoteAccess.NONE) {
			throw new IllegalArgumentException("A caller without access to a note has no view of it");
		}
		boolean content = access.seesContent();
		return new NoteView(access, t.noteId(), t.registryNumber(), t.state(), t.outcome(), t.revision(),
				t.decidedBy(), content ? t.reason() : null, t.duplicateOf(), t.traceId(), content ? t.note() : null,
				t.receivedAt(), t.registeredAt(), t.destination(), t.copies(), t.priority(),
				t.acknowledgementDeadline(), content ? t.explanation() : ruleOnly(t.explanation()), t.deliveries(),
				content ? t.acknowledgements()
						: t.acknowledgements().stream().map(NoteView::withoutComment).toList(),
				t.escalations(), t.nextEscalationAt(),
				content ? t.revisions() : t.revisions().stream().map(NoteView::withoutReason).toList(),
				content ? t.receiptDraft() : null,
				content ? t.timeline() : t.timeline().stream().map(NoteView::withoutDetail).toList(), t.earlierFacts());
	}

	private static NoteRouted.Explanation ruleOnly(NoteRouted.Explanation explanation) {
		return (explanation != null) ? new NoteRouted.Explanation(explanation.rule(), null, List.of()) : null;
	}

	private static Acknowledgement withoutComment(Acknowledgement a) {
		return new Acknowledgement(a.office(), a.acknowledgedBy(), a.acknowledgedAt(), null, a.revision(),
				a.via(), null);
	}

	private static Revision withoutReason(Revision r) {
		return new Revision(r.revision(), r.outcome(), r.destination(), r.decidedBy(), null, r.routedAt());
	}

	private static TimelineEntry withoutDetail(TimelineEntry e) {
		return new TimelineEntry(e.at(), e.event(), null, e.ceId());
	}

}
