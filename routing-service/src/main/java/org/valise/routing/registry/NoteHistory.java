package org.valise.routing.registry;

import java.util.List;

/**
 * Every routing decision published on a note, oldest first; the last with the highest revision is in force.
 *
 * @param noteId the note's id
 * @param registryNumber its registry number (for a duplicate, the original's)
 * @param duplicateOf for a duplicate, the note registered first
 * @param decisions the decisions, in the order they were published
 * @param confidential whether the sender marked the note confidential
 */
public record NoteHistory(String noteId, String registryNumber, DuplicateOf duplicateOf, List<Decision> decisions,
		boolean confidential) {

	/** The history without what was drawn from the note: its registry facts only. */
	public NoteHistory registryFactsOnly() {
		return new NoteHistory(this.noteId, this.registryNumber, this.duplicateOf,
				this.decisions.stream().map(Decision::registryFactsOnly).toList(), this.confidential);
	}

}
