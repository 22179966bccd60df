package org.valise.notification.tracking;

import org.valise.notification.event.NoteRouted;

/** What the registry decided for a note (the {@code outcome} of NoteRouted). */
public enum RoutingOutcome {

	/** A rule chose the destination office. */
	ROUTED,

	/** No rule could: the triage office decides. */
	TRIAGE,

	/** The note was already registered: nothing is delivered. */
	DUPLICATE;

	/** The outcome of a routing decision; an outcome this version does not know is read as ROUTED. */
	public static RoutingOutcome of(NoteRouted event) {
		if (event.duplicate()) {
			return DUPLICATE;
		}
		return event.triaged() ? TRIAGE : ROUTED;
	}

	/** The state a note moves to when this routing is put in force. */
	TrackingState state() {
		return switch (this) {
			case DUPLICATE -> TrackingState.DUPLICATE;
			case TRIAGE -> TrackingState.TRIAGE;
			default -> TrackingState.ROUTED;
		};
	}

}
