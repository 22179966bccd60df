package org.valise.routing.routing;

import java.util.List;

/**
 * Why a note went where it went.
 *
 * @param rule id of the rule that fired (e.g. highest-destination)
 * @param summary one sentence a clerk can read
 * @param evidence text quoted from the note
 */
public record Explanation(String rule, String summary, List<String> evidence) {

	public Explanation {
		evidence = List.copyOf(evidence);
	}

}
