package org.valise.routing.registry;

import java.util.List;

/**
 * The routing decisions published on a note, oldest first (the first and the latest; every one is on
 * {@code notes.routed.v1}); the last with the highest revision is in force.
 *
 * @param noteId the note's id
 * @param registryNumber its registry number (for a duplicate, the original's)
 * @param duplicateOf for a duplicate, the note registered first
 * @param decisions the decisions, in the order they were published
 * @param confidential whether the sender marked the note confidential
 * @param omitted decisions no longer kept between the first and the latest (all are on {@code notes.routed.v1})
 */
public record NoteHistory(String noteId, String registryNumber, DuplicateOf duplicateOf, List<Decision> decisions,
		boolean confidential, int omitted) {

	/** The history without what was drawn from the note: its registry facts only. */
	public NoteHistory registryFactsOnly() {
		return new NoteHistory(this.noteId, this.registryNumber, this.duplicateOf,
				this.decisions.stream().map(Decision::registryFactsOnly).toList(), this.confidential, this.omitted);
	}

}
