package org.valise.intake.kafka;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the broker (it cannot be reached, or did not answer in time) from a failure of the record
 * (too large, refused, unreadable): only the first closes the {@link BrokerGate}.
 */
public final class BrokerFailures {

	private BrokerFailures() {
	}

	/**
	 * Whether the failure, or one of its causes, says the broker could not be reached or did not answer in time:
	 * Kafka's retriable errors (a timeout, a lost connection, no leader, not enough in-sync replicas) and a wait
	 * that timed out.
	 */
	public static boolean isUnavailability(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof RetriableException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** The innermost cause, named by its class and message (Kafka's messages name no record content). */
	public static String describe(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
