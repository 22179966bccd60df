package org.valise.notification.tracking;

/** What a delivery carries to an office. */
public enum Purpose {

	/** The routed note, to its destination. */
	NOTE,

	/** An escalation notice, to the office the note was escalated to. */
	ESCALATION,

	/** A copy of the routed note, to an office in copy (for information or action; it does not acknowledge). */
	COPY

}
