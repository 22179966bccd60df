package org.valise.kafka.dlq;

import java.util.List;

/**
 * The dead letters a {@code replay} names: some positions of one dead-letter topic, or all its dead letters (of one
 * error, if {@code error} is given).
 *
 * @param topic the dead-letter topic
 * @param positions the positions named with {@code --offset} (empty with {@code --all})
 * @param error with {@code --all}, only dead letters with this {@code x-valise-error}; null for every one
 */
record ReplaySelection(String topic, List<DeadLetterPosition> positions, String error) {

	ReplaySelection {
		positions = List.copyOf(positions);
	}

	/** {@code --all}: every dead letter of the topic rather than named ones. */
	boolean all() {
		return this.positions.isEmpty();
	}

	boolean includes(DeadLetter deadLetter) {
		return all() ? (this.error == null || this.error.equals(deadLetter.error()))
				: this.positions.contains(deadLetter.position());
	}

}
