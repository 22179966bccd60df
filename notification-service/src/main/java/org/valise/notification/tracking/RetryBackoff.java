package org.valise.notification.tracking;

import java.time.Duration;

/**
 * Exponential backoff with jitter between delivery attempts: after the n-th failed attempt, wait
 * {@code min(max, initial * multiplier^(n-1))}, less a random share of up to {@code jitter} of it, so offices that
 * failed together are not retried in lockstep.
 */
public final class RetryBackoff {

	private final Duration initial;

	private final double multiplier;

	private final Duration max;

	private final double jitter;

	private final int maxAttempts;

	public RetryBackoff(Duration initial, double multiplier, Duration max, double jitter, int maxAttempts) {
		if (maxAttempts < 1 || multiplier < 1 || jitter < 0 || jitter > 1) {
			throw new IllegalStateException("valise.delivery: max-attempts >= 1, multiplier >= 1, 0 <= jitter <= 1");
		}
		this.initial = initial;
		this.multiplier = multiplier;
		this.max = max;
		this.jitter = jitter;
		this.maxAttempts = maxAttempts;
	}

	/** Whether another attempt follows the given number of failed attempts. */
	boolean retries(int failedAttempts) {
		return failedAttempts < this.maxAttempts;
	}

	/**
	 * The wait after the given number of failed attempts.
	 * @param random a number in [0, 1)
	 */
	Duration delay(int failedAttempts, double random) {
		double base = this.initial.toMillis() * Math.pow(this.multiplier, Math.max(0, failedAttempts - 1));
		double capped = Math.min(base, this.max.toMillis());
		return Duration.ofMillis(Math.round(capped * (1 - this.jitter * random)));
	}

}
