package org.valise.routing.registry;

/**
 * The note registered first, of which another is a duplicate.
 *
 * @param noteId its note id
 * @param registryNumber its registry number
 */
public record DuplicateOf(String noteId, String registryNumber) {
}
