package org.valise.notification.tracking;

/**
 * Where a note stands. Late events never move it back (a lower rank); a new routing revision (a clerk's reroute)
 * starts a new cycle at ROUTED or TRIAGE.
 */
public enum TrackingState {

	/** Intake accepted the note; the registry has not routed it yet. */
	RECEIVED(1),

	/** The registry registered the note and chose its destination office: delivery is pending. */
	ROUTED(2),

	/** The registry registered the note but no rule could route it: delivery to the triage office is pending. */
	TRIAGE(2),

	/** The note was already registered (see duplicateOf): nothing is delivered, nothing is awaited. */
	DUPLICATE(2),

	/** Every channel of the destination failed for good; an operator may retry a delivery. */
	FAILED(3),

	/** The note reached its destination office on at least one channel; it awaits acknowledgement. */
	DELIVERED(3),

	/** The acknowledgement deadline passed: the note was escalated up the directory, it still awaits acknowledgement. */
	ESCALATED(4),

	/** The destination office (or, after escalation, its deputy or an office above) acknowledged the note. */
	ACKNOWLEDGED(5);

	private final int rank;

	TrackingState(int rank) {
		this.rank = rank;
	}

	/** Whether a note in this state is no longer waiting for anything. */
	public boolean settled() {
		return this == ACKNOWLEDGED || this == DUPLICATE;
	}

	/** Whether an event leading to {@code target} moves a note in this state: forward, or sideways when allowed. */
	boolean movesTo(TrackingState target, boolean sidewaysAllowed) {
		return target.rank > this.rank || (sidewaysAllowed && target.rank == this.rank && target != this);
	}

}
