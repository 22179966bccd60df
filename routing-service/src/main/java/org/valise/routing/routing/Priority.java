package org.valise.routing.routing;

/** How fast the destination office is expected to acknowledge a note. */
public enum Priority {

	/** The usual pace. */
	NORMAL,

	/** A head of State or Government is involved, or the note asks for the highest destination. */
	HIGH,

	/** The sender asks in words for urgent action. */
	URGENT

}
