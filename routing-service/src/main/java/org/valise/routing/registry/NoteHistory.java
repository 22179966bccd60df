package org.valise.routing.registry;

import java.util.List;

/**
 * Every routing decision published on a note, oldest first; the last with the highest revision is in force.
 *
 * @param noteId the note's id
 * @param registryNumber its registry number (for a duplicate, the original's)
 * @param duplicateOf for a duplicate, the note registered first
 * @param decisions the decisions, in the order they were published
 */
public record NoteHistory(String noteId, String registryNumber, DuplicateOf duplicateOf, List<Decision> decisions) {
}
