package org.valise.routing.registry;

/**
 * What the registry desk reads of its own state (its stores, or maps in a test).
 */
public interface RegistryView {

	/** The registration of a note, or null. */
	Registration registration(String noteId);

	/** The notes registered under a sender and reference ({@link DuplicateKey}), or null. */
	ReferenceEntry reference(String duplicateKey);

	/** The last number taken in a year, or null. */
	Long lastNumber(String year);

	/** What became of a clerk's command, or null. */
	CommandOutcome outcome(String commandId);

}
