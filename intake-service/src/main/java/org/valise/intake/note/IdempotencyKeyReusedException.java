package org.valise.intake.note;

import java.time.Instant;

/**
 * An {@code Idempotency-Key} sent with a submission other than the one it was first used for: the second note is
 * refused rather than answered with the first one's id (which would lose it).
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	private final Instant firstUsedAt;

	IdempotencyKeyReusedException(Instant firstUsedAt) {
		super(IdempotencyKey.HEADER + " was first used on " + firstUsedAt + " for another submission; a key names one "
				+ "submission: send this note with a key of its own (nothing was published)");
		this.firstUsedAt = firstUsedAt;
	}

	/** When the key was first used. */
	public Instant firstUsedAt() {
		return this.firstUsedAt;
	}

	/** The header at fault. */
	public String field() {
		return IdempotencyKey.HEADER;
	}

}
