package org.valise.intake.note;

/**
 * Kafka did not acknowledge a note's {@link NoteReceived} event, so the note was not accepted.
 */
public class PublicationFailedException extends RuntimeException {

	private final NoteId noteId;

	private final boolean brokerUnavailable;

	PublicationFailedException(NoteId noteId, Throwable cause, boolean brokerUnavailable) {
		super("Kafka did not acknowledge note " + noteId, cause);
		this.noteId = noteId;
		this.brokerUnavailable = brokerUnavailable;
	}

	public NoteId noteId() {
		return this.noteId;
	}

	/** Whether the broker is to blame (unreachable, too slow), not the record. */
	public boolean brokerUnavailable() {
		return this.brokerUnavailable;
	}

}
