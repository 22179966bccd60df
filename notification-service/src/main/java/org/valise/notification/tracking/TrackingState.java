package org.valise.notification.tracking;

/**
 * Where a note stands; a state only moves forward (higher rank), or sideways between ROUTED and TRIAGE on rerouting.
 */
public enum TrackingState {

	/** Intake accepted the note; the registry has not routed it yet. */
	RECEIVED(1),

	/** The registry registered the note and a rule chose its destination office. */
	ROUTED(2),

	/** The registry registered the note but no rule could route it: it went to the triage office. */
	TRIAGE(2),

	/** The note reached its destination office on at least one channel; it awaits acknowledgement. */
	DELIVERED(3),

	/** The destination office acknowledged the note. */
	ACKNOWLEDGED(4);

	private final int rank;

	TrackingState(int rank) {
		this.rank = rank;
	}

	/** Whether an event leading to {@code target} moves a note in this state: forward, or sideways when allowed. */
	boolean movesTo(TrackingState target, boolean sidewaysAllowed) {
		return target.rank > this.rank || (sidewaysAllowed && target.rank == this.rank && target != this);
	}

}
