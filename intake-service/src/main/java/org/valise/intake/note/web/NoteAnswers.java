package org.valise.intake.note.web;

/**
 * What intake answers, as the API description ({@code GET /v3/api-docs}) words each status of {@link NoteController};
 * every refusal is a problem ({@code application/problem+json}), written by {@link IntakeProblems}.
 */
final class NoteAnswers {

	static final String ACCEPTED = "Accepted: Kafka acknowledged NoteReceived; the note's id, the address of its tracking "
			+ "view (also in Location) and what intake read of it. The same Idempotency-Key gets the same note id";

	static final String PARSED = "What the parser reads in the note, each field with the span it came from; nothing is "
			+ "published";

	static final String INVALID = "An empty or unreadable note, an invalid field or Idempotency-Key (errors name it)";

	static final String TOO_LARGE = "Over valise.intake.max-note-size, over a limit of what intake reads in a file, or "
			+ "larger than the event log takes for one event";

	static final String UNSUPPORTED = "A content type, charset or file intake cannot read (the problem lists the "
			+ "accepted ones)";

	static final String UNREADABLE_FILE = "A PDF without a text layer, or an e-mail without a note";

	static final String RATE_LIMITED = "Over the client's rate of submissions (Retry-After)";

	static final String UNAVAILABLE = "Kafka did not acknowledge the note: nothing was published; send it again later "
			+ "with the same Idempotency-Key (Retry-After)";

	private NoteAnswers() {
	}

}
