package org.valise.intake.kafka;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether intake tries Kafka at all for the next submission, from what the last sends and probes saw. Open while
 * the broker answers. Closed by the first send that failed for the broker's sake (a timeout, no connection), or by
 * {@code probeFailuresToClose} probes in a row that could not reach it: the submissions that follow are refused at
 * once (503 with {@code Retry-After}) instead of each holding a thread for the producer's timeouts. Opened again by
 * the first probe or send that reached the broker.
 * <p>
 * Pure: the time is passed in; safe to share between threads.
 */
public final class BrokerGate {

	/** Where the gate stands. */
	public enum State {

		/** Submissions go to Kafka. */
		OPEN,

		/** Submissions are refused at once until a probe or a send reaches the broker. */
		CLOSED

	}

	/** What changed with one observation, so that an adapter logs each change once. */
	public enum Change {

		/** Nothing: the gate stands as it stood. */
		NONE,

		/** The gate closed with this observation. */
		CLOSED,

		/** The gate opened again with this observation. */
		OPENED

	}

	/**
	 * The answer for one submission.
	 *
	 * @param admitted whether it may go to Kafka
	 * @param retryAfter when a refused client should try again ({@code null} when admitted)
	 * @param closedSince since when the gate has been closed ({@code null} when admitted)
	 */
	public record Admission(boolean admitted, Duration retryAfter, Instant closedSince) {

		static final Admission ADMITTED = new Admission(true, null, null);

	}

	private final Duration retryAfter;

	private final int probeFailuresToClose;

	private State state = State.OPEN;

	private Instant closedSince;

	private int probeFailures;

	/**
	 * @param retryAfter what refused clients are told to wait before they try again
	 * @param probeFailuresToClose how many probes in a row must fail to reach the broker before the gate closes
	 *        on their word alone (a failed send closes it at once)
	 */
	public BrokerGate(Duration retryAfter, int probeFailuresToClose) {
		if (retryAfter.isNegative() || retryAfter.isZero()) {
			throw new IllegalArgumentException("retryAfter must be positive");
		}
		if (probeFailuresToClose < 1) {
			throw new IllegalArgumentException("probeFailuresToClose must be at least 1");
		}
		this.retryAfter = retryAfter;
		this.probeFailuresToClose = probeFailuresToClose;
	}

	/** Whether a submission arriving now may go to Kafka. */
	public synchronized Admission admit() {
		return (this.state == State.OPEN) ? Admission.ADMITTED
				: new Admission(false, this.retryAfter, this.closedSince);
	}

	/** A send failed for the broker's sake (not for the record's): the gate closes at once. */
	public synchronized Change sendFailed(Instant now) {
		return close(now);
	}

	/** A send was acknowledged: the broker is there. */
	public synchronized Change sendSucceeded() {
		return open();
	}

	/**
	 * A probe's outcome.
	 * @param now when it ended
	 * @param reachable whether the broker answered it
	 */
	public synchronized Change probed(Instant now, boolean reachable) {
		if (reachable) {
			return open();
		}
		this.probeFailures++;
		return (this.probeFailures >= this.probeFailuresToClose) ? close(now) : Change.NONE;
	}

	public synchronized State state() {
		return this.state;
	}

	private Change close(Instant now) {
		if (this.state == State.CLOSED) {
			return Change.NONE;
		}
		this.state = State.CLOSED;
		this.closedSince = now;
		return Change.CLOSED;
	}

	private Change open() {
		this.probeFailures = 0;
		if (this.state == State.OPEN) {
			return Change.NONE;
		}
		this.state = State.OPEN;
		this.closedSince = null;
		return Change.OPENED;
	}

}
