package org.valise.notification.tracking;

import java.time.Instant;
import java.util.List;

import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;

/**
 * How a NoteRouted changes a note's state. A higher revision (a clerk's reroute), the first routing, or a sideways
 * move between ROUTED and TRIAGE before delivery puts the routing in force ({@code routingEventId} becomes the
 * event's id): new destination, deadline and cycle, pending deliveries of older revisions superseded. Any other routing
 * is recorded and only fills facts not yet known. The registry seeing the very same note again (a retried submission)
 * changes nothing but the timeline.
 */
final class RoutingChange {

	private RoutingChange() {
	}

	static NoteTracking apply(NoteTracking tracking, String eventId, Instant at, NoteRouted event, String traceId) {
		if (tracking.hasSeen(eventId)) {
			return tracking;
		}
		TrackingDraft next = new TrackingDraft(tracking);
		if (event.duplicate() && event.duplicateOf() != null
				&& tracking.noteId().value().equals(event.duplicateOf().noteId())) {
			next.log(at, Fact.DUPLICATE, "The same submission was received again (retried); nothing more to do",
					eventId);
			return next.build(tracking.state());
		}
		int revision = event.revisionOrFirst();
		RoutingOutcome outcome = RoutingOutcome.of(event);
		TrackingState target = outcome.state();
		TrackingState state = tracking.state();
		boolean sideways = revision == tracking.revision()
				&& (state == TrackingState.ROUTED || state == TrackingState.TRIAGE)
				&& (target != state || !sameOffice(event.destination(), tracking.destination()));
		next.note = (tracking.note() != null) ? tracking.note() : event.note();
		next.receivedAt = (tracking.receivedAt() != null) ? tracking.receivedAt() : event.receivedAt();
		String detail = detail(event, revision);
		if (revision < tracking.revision() || (revision == tracking.revision() && !sideways)) {
			next.registryNumber = (tracking.registryNumber() != null) ? tracking.registryNumber()
					: event.registryNumber();
			String why = (revision < tracking.revision()) ? " (revision " + revision + " superseded by revision "
					+ tracking.revision() + ": ignored)" : " (arrived while " + state + ": state unchanged)";
			next.log(at, Fact.valueOf(target.name()), detail + why, eventId);
			return next.build(state);
		}
		next.registryNumber = event.registryNumber();
		next.outcome = outcome;
		next.revision = revision;
		next.decidedBy = event.decidedBy();
		next.reason = Texts.bounded(event.reason(), 2000);
		next.duplicateOf = event.duplicateOf();
		next.routingEventId = eventId;
		next.traceId = (traceId != null) ? traceId : tracking.traceId();
		next.registeredAt = (tracking.registeredAt() != null) ? tracking.registeredAt() : event.registeredAt();
		next.destination = event.destination();
		next.copies = (event.copies() != null) ? event.copies() : List.of();
		next.priority = event.priority();
		next.acknowledgementDeadline = event.duplicate() ? null : event.acknowledgementDeadline();
		next.explanation = event.explanation();
		next.nextEscalationAt = next.acknowledgementDeadline;
		next.updateDeliveries((d) -> (d.revision() < revision || sideways) && d.status() != DeliveryStatus.DELIVERED
				? d.withStatus(DeliveryStatus.SUPERSEDED) : d);
		next.revisions.add(new Revision(revision, outcome,
				(event.destination() != null) ? event.destination().id() : null, event.decidedBy(),
				Texts.bounded(event.reason(), 2000), at));
		next.log(at, Fact.valueOf(target.name()), detail, eventId);
		return next.build(target);
	}

	private static boolean sameOffice(Office a, Office b) {
		return (a == null) ? b == null : b != null && a.id() != null && a.id().equals(b.id());
	}

	private static String detail(NoteRouted event, int revision) {
		String office = (event.destination() != null) ? event.destination().id() : "no office";
		String rule = (event.explanation() != null) ? event.explanation().rule() : "none";
		String by = (event.decidedBy() != null && !"rules".equals(event.decidedBy())) ? " by " + event.decidedBy()
				+ ((event.reason() != null) ? " (" + event.reason() + ")" : "") : " by rule " + rule;
		if (event.duplicate()) {
			return "Registered as " + event.registryNumber() + ", a duplicate of "
					+ ((event.duplicateOf() != null) ? event.duplicateOf().registryNumber() : "an earlier note")
					+ ": not delivered";
		}
		String detail = (revision > 1) ? "Rerouted (revision " + revision + ") to " + office + by
				: "Registered as " + event.registryNumber()
						+ (event.triaged() ? " and sent to triage (" + office + ")" : " and routed to " + office) + by;
		if (event.destination() != null && event.destination().channelsOfType(Office.EMAIL).isEmpty()
				&& event.destination().channelsOfType(Office.WEBHOOK).isEmpty()) {
			detail += "; the office has no e-mail or webhook channel: not deliverable";
		}
		return detail;
	}

}
