package org.valise.intake.note.web;

import java.time.Duration;

/**
 * A token bucket of {@code burst} tokens refilled at {@code requests} per {@code per}, kept as one number: the
 * generic cell rate algorithm (GCRA), which admits exactly what the bucket would. The time is passed in (any
 * monotonic nanosecond clock, e.g. {@link System#nanoTime()}), so the bucket is pure and tests need no clock.
 */
final class TokenBucket {

	/** The time one token takes to come back. */
	private final long interval;

	/** How far ahead of the present the bucket may be spent: {@code burst - 1} intervals. */
	private final long tolerance;

	/** When the bucket would be full again if nothing more were taken ("theoretical arrival time"). */
	private long fullAt;

	private boolean used;

	TokenBucket(int requests, Duration per, int burst) {
		if (requests < 1 || burst < 1 || per.isNegative() || per.isZero()) {
			throw new IllegalArgumentException("A bucket needs at least one request and one token per positive period");
		}
		this.interval = Math.max(1, per.toNanos() / requests);
		long ceiling = Long.MAX_VALUE / 4;
		this.tolerance = (burst - 1 > ceiling / this.interval) ? ceiling : (burst - 1) * this.interval;
	}

	/**
	 * Takes a token if there is one.
	 * @param now the current time in nanoseconds
	 * @return 0 if a token was taken, otherwise how many nanoseconds until there is one
	 */
	synchronized long tryTake(long now) {
		long start = (this.used && this.fullAt - now > 0) ? this.fullAt : now;
		long wait = start - this.tolerance - now;
		if (wait > 0) {
			return wait;
		}
		this.fullAt = start + this.interval;
		this.used = true;
		return 0;
	}

	/** Whether every token is back: the bucket can be forgotten and made anew with no difference. */
	synchronized boolean full(long now) {
		return !this.used || this.fullAt - now <= 0;
	}

}
