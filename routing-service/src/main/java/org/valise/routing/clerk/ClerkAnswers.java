package org.valise.routing.clerk;

/**
 * What the clerks' API answers, as the API description ({@code GET /v3/api-docs}) words each status; every refusal is
 * a problem ({@code application/problem+json}), written by {@link ClerkProblems}.
 */
final class ClerkAnswers {

	static final String TRIAGE = "The notes no rule could route, waiting for a clerk (an auditor sees a confidential "
			+ "note's registry facts only)";

	static final String HISTORY = "Every decision on the note, in order";

	static final String APPLIED = "Applied: the registry desk carried out the clerk's decision; the new revision";

	static final String PENDING = "Pending: the decision is on routing.commands.v1 but the registry desk has not "
			+ "answered within valise.clerks.command-timeout; its history (Location) will show it";

	static final String PREVIEW = "The decision the rules would take for these fields; nothing is published";

	static final String INVALID = "A body that is not valid JSON, or a field the routing refuses (errors name it)";

	static final String UNKNOWN_NOTE = "No note of this id is registered";

	static final String DUPLICATE = "The note is a duplicate of another note: route that one";

	static final String UNAVAILABLE = "The registry cannot answer now (starting, rebalancing) or Kafka did not "
			+ "acknowledge the command (Retry-After)";

	private ClerkAnswers() {
	}

}
