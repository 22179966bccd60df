package org.valise.routing.routing;

import java.util.Optional;

/** One routing rule: proposes a destination for a note, or passes. */
interface RoutingRule {

	/** The rule's id, reported in the explanation. */
	String id();

	/** A destination with its explanation, or empty when the rule does not apply. */
	Optional<Candidate> apply(Correspondence note);

}
