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

	/** What a caller who may not read the note's content sees instead of a summary that quotes it. */
	public static final String WITHHELD = "(withheld: the note is confidential)";

	public Explanation {
		evidence = List.copyOf(evidence);
	}

	/** The rule alone: no summary or evidence drawn from the note. */
	public Explanation ruleOnly() {
		return new Explanation(this.rule, WITHHELD, List.of());
	}

}
