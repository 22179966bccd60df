package org.valise.kafka.dlq;

/**
 * Whether one dead letter is replayed, and why not.
 *
 * @param position the dead letter's position
 * @param deadLetter the dead letter; null when there is none at that position
 * @param outcome the verdict
 * @param reason why it is not replayed (one sentence), or null when it is
 */
record Verdict(DeadLetterPosition position, DeadLetter deadLetter, Outcome outcome, String reason) {

	static Verdict replay(DeadLetter deadLetter) {
		return new Verdict(deadLetter.position(), deadLetter, Outcome.REPLAY, null);
	}

	static Verdict refused(DeadLetter deadLetter, String reason) {
		return new Verdict(deadLetter.position(), deadLetter, Outcome.REFUSED, reason);
	}

	/** What a dead letter's verdict is. */
	enum Outcome {

		/** It goes back to its original topic. */
		REPLAY,

		/** It was replayed before (and {@code --again} was not given). */
		ALREADY_REPLAYED,

		/** It cannot go back (or is not there): {@link Verdict#reason()} says why. */
		REFUSED

	}

}
