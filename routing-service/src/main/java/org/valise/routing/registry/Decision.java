package org.valise.routing.registry;

import java.time.Instant;
import java.util.List;

import org.valise.routing.registry.NoteRouted.RoutedCopy;
import org.valise.routing.registry.NoteRouted.RoutedOffice;
import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.Priority;

/**
 * One routing decision on a note, as published in a {@code NoteRouted} event, without the note itself.
 *
 * @param revision 1 for the registry's first decision, one more for each decision of a clerk
 * @param outcome routed, sent to triage, or a duplicate
 * @param routedAt when it was decided
 * @param destination the office that receives the note first
 * @param copies the other offices
 * @param priority how fast it must be acknowledged
 * @param acknowledgementDeadline by when
 * @param explanation the rule, a summary and the evidence
 * @param duplicateOf for a duplicate, the note registered first
 * @param decidedBy {@code rules} or the clerk
 * @param reason the clerk's reason, or {@code null}
 */
public record Decision(int revision, Outcome outcome, Instant routedAt, RoutedOffice destination,
		List<RoutedCopy> copies, Priority priority, Instant acknowledgementDeadline, Explanation explanation,
		DuplicateOf duplicateOf, String decidedBy, String reason) {

	/** The decision without what was drawn from the note (evidence, summary, the clerk's reason). */
	Decision registryFactsOnly() {
		return new Decision(this.revision, this.outcome, this.routedAt, this.destination, this.copies, this.priority,
				this.acknowledgementDeadline, (this.explanation != null) ? this.explanation.ruleOnly() : null,
				this.duplicateOf, this.decidedBy, null);
	}

	static Decision of(NoteRouted routed) {
		return new Decision(routed.revision(), routed.outcome(), routed.routedAt(), routed.destination(),
				routed.copies(), routed.priority(), routed.acknowledgementDeadline(), routed.explanation(),
				routed.duplicateOf(), routed.decidedBy(), routed.reason());
	}

}
