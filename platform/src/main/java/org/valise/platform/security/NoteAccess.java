package org.valise.platform.security;

/**
 * What a caller may see of a note: nothing (the note does not exist for it: 404, never 403), its registry facts
 * (number, state, offices, deadlines: what an operator watches), or its content too (the fields read from it, the
 * evidence quoting its text, the requested action, the receipt draft).
 * <ul>
 * <li>A clerk sees every note whole.</li>
 * <li>An office sees whole the notes destined to it; the notes copied or escalated to it whole unless they are
 * confidential (then their registry facts); other offices' notes not at all.</li>
 * <li>An auditor sees every note whole, except a confidential one's content.</li>
 * <li>An operator sees every note's registry facts, never its content.</li>
 * <li>A submitter sees the registry facts of the notes it submitted.</li>
 * </ul>
 * A caller with several roles sees the most any of them allows.
 */
public enum NoteAccess {

	/** The note does not exist for the caller. */
	NONE,

	/** Registry number, state, offices, deadlines, deliveries; no field read from the note, no text. */
	REGISTRY_FACTS,

	/** Everything. */
	CONTENT;

	/** What this caller may see of a note for this audience. */
	public static NoteAccess of(Caller caller, NoteAudience note) {
		NoteAccess access = NONE;
		if (caller.is(Role.CLERK)) {
			return CONTENT;
		}
		if (caller.is(Role.OFFICE) && caller.office() != null) {
			if (caller.office().equals(note.destination())) {
				return CONTENT;
			}
			if (note.copies().contains(caller.office()) || note.escalatedTo().contains(caller.office())) {
				access = note.confidential() ? REGISTRY_FACTS : CONTENT;
			}
		}
		if (caller.is(Role.AUDITOR)) {
			access = max(access, note.confidential() ? REGISTRY_FACTS : CONTENT);
		}
		if (caller.is(Role.OPERATOR)) {
			access = max(access, REGISTRY_FACTS);
		}
		if (caller.is(Role.SUBMITTER) && caller.name().equals(note.submittedBy())) {
			access = max(access, REGISTRY_FACTS);
		}
		return access;
	}

	public boolean seesContent() {
		return this == CONTENT;
	}

	private static NoteAccess max(NoteAccess a, NoteAccess b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

}
