package org.valise.notification.tracking.streams;

/**
 * A record the tracking topology writes, with the output it goes to.
 *
 * @param output which output: {@link #EVENTS}, {@link #RESULTS}, {@link #DISPATCHES} or {@link #DEAD_LETTERS}
 * @param value the value
 */
record Outgoing(int output, byte[] value) {

	/** Events on {@code notes.delivery.v1}. */
	static final int EVENTS = 0;

	/** Answers to commands on {@code notification.command-results.v1}. */
	static final int RESULTS = 1;

	/** Delivery jobs on {@code notification.dispatches.v1}. */
	static final int DISPATCHES = 2;

	/** Dead letters on {@code notification.dlq.v1}. */
	static final int DEAD_LETTERS = 3;

}
