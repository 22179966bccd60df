package org.valise.notification.delivery;

/**
 * How one delivery attempt ended.
 *
 * @param succeeded whether the channel accepted the delivery
 * @param permanent whether the failure is one a retry cannot cure
 * @param error what went wrong, or null
 */
record AttemptOutcome(boolean succeeded, boolean permanent, String error) {

	static AttemptOutcome delivered() {
		return new AttemptOutcome(true, false, null);
	}

	/** A failure a later attempt may overcome: 5xx, timeout, connection refused, SMTP unavailable. */
	static AttemptOutcome retriable(String error) {
		return new AttemptOutcome(false, false, error);
	}

	/** A failure no retry cures: 4xx, invalid address, missing secret. */
	static AttemptOutcome permanent(String error) {
		return new AttemptOutcome(false, true, error);
	}

}
