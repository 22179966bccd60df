package org.valise.routing.routing;

import java.util.List;

import org.valise.routing.directory.Office;

/**
 * Where a note goes, with whom in copy, how fast, and why.
 *
 * @param outcome routed by a rule, or sent to triage
 * @param destination the office that receives it first
 * @param copies other offices that receive it
 * @param priority how fast it should be acknowledged
 * @param explanation the rule, a one-sentence summary and the evidence
 */
public record RoutingDecision(Outcome outcome, Office destination, List<Copy> copies, Priority priority,
		Explanation explanation) {

	public RoutingDecision {
		copies = List.copyOf(copies);
	}

}
