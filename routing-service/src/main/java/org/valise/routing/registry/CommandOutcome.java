package org.valise.routing.registry;

/**
 * What became of a clerk's routing command ({@code registry-commands} store, keyed by command id).
 *
 * @param commandId the command
 * @param noteId the note
 * @param status applied, or why not
 * @param revision the revision published, or 0
 * @param field the field at fault, or {@code null}
 * @param detail one sentence
 */
public record CommandOutcome(String commandId, String noteId, Status status, int revision, String field,
		String detail) {

	/** Applied, or why not. */
	public enum Status {

		/** A new revision was published. */
		APPLIED,

		/** No note with that id is registered. */
		UNKNOWN_NOTE,

		/** The note is a duplicate: it is routed with the note registered first. */
		DUPLICATE,

		/** The command names an unknown office, an office not cleared for the note, or has no reason. */
		INVALID

	}

}
