package org.valise.intake.keys;

/**
 * The memory of Idempotency-Keys could not be written or read back in time, so the submission was not accepted.
 */
public class KeysUnavailableException extends RuntimeException {

	public KeysUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
