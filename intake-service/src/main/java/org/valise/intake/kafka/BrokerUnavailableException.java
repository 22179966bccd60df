package org.valise.intake.kafka;

import java.time.Duration;

/**
 * A submission refused without trying Kafka: the broker was not reachable a moment ago (see {@link BrokerGate}).
 */
public class BrokerUnavailableException extends RuntimeException {

	private final Duration retryAfter;

	BrokerUnavailableException(Duration retryAfter) {
		super("Kafka is unreachable");
		this.retryAfter = retryAfter;
	}

	/** When the client should try again. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
