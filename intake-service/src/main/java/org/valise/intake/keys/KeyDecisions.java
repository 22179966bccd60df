package org.valise.intake.keys;

import org.valise.intake.keys.KeyLedger.Remembered;

/**
 * What to do with a submission that carries an {@code Idempotency-Key}, from what the key remembers: the first claim
 * of a key wins; a submission with the same digest as the winner's gets the winner's answer, one with another digest
 * is refused, since the key already names another note. Pure.
 */
public final class KeyDecisions {

	private KeyDecisions() {
	}

	/** What to do. */
	public enum Answer {

		/** The key remembers nothing: claim it, then {@linkplain #settle settle} who won. */
		CLAIM,

		/**
		 * The key is this submission's, its note not known to be published (the claim is this submission's own, or
		 * an earlier attempt of the same submission crashed, failed or is still under way): publish the note under
		 * the remembered id and time, then mark it published.
		 */
		PUBLISH,

		/** The same submission was published: answer as the first time, publish nothing. */
		REPLAY,

		/** The key names another submission: refuse (422), publish nothing. */
		REFUSE,

		/** This instance has not read its own claim back in time: refuse for now (503), the client retries. */
		UNSETTLED

	}

	/**
	 * A decision.
	 *
	 * @param answer what to do
	 * @param remembered the claim the answer rests on ({@code null} for {@code CLAIM} and {@code UNSETTLED})
	 * @param withdrawOwnClaim whether this submission's own claim lost a race and is to be withdrawn
	 */
	public record Decision(Answer answer, Remembered remembered, boolean withdrawOwnClaim) {
	}

	/**
	 * Before claiming: what the key remembers decides, if it remembers anything — a claim read is final, since the
	 * ledger reads the topic in order and so has read every earlier claim of the key.
	 * @param remembered what the key remembers, or {@code null}
	 * @param digest the submission's digest
	 */
	public static Decision before(Remembered remembered, String digest) {
		if (remembered == null) {
			return new Decision(Answer.CLAIM, null, false);
		}
		return answer(remembered, digest, false);
	}

	/**
	 * After claiming, once the ledger has read up to this submission's claim: the claim with the lowest offset won.
	 * @param remembered what the key remembers now
	 * @param ownOffset the offset of this submission's claim
	 * @param digest the submission's digest
	 */
	public static Decision settle(Remembered remembered, long ownOffset, String digest) {
		if (remembered == null || remembered.claimOffset() > ownOffset) {
			return new Decision(Answer.UNSETTLED, null, false);
		}
		if (remembered.claimOffset() == ownOffset) {
			return new Decision(Answer.PUBLISH, remembered, false);
		}
		return answer(remembered, digest, true);
	}

	private static Decision answer(Remembered remembered, String digest, boolean lostRace) {
		if (!remembered.digest().equals(digest)) {
			return new Decision(Answer.REFUSE, remembered, lostRace);
		}
		return new Decision(remembered.published() ? Answer.REPLAY : Answer.PUBLISH, remembered, lostRace);
	}

}
