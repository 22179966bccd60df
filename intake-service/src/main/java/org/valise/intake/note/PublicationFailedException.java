package org.valise.intake.note;

/**
 * Kafka did not acknowledge a note's {@link NoteReceived} event, so the note was not accepted.
 */
public class PublicationFailedException extends RuntimeException {

	private final NoteId noteId;

	PublicationFailedException(NoteId noteId, Throwable cause) {
		super("Kafka did not acknowledge note " + noteId, cause);
		this.noteId = noteId;
	}

	public NoteId noteId() {
		return this.noteId;
	}

}
