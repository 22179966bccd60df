package org.valise.intake.note;

import org.springframework.util.unit.DataSize;

/**
 * A submitted note is larger than intake accepts: its body or file is over {@code valise.intake.max-note-size}, or
 * its {@link NoteReceived}, as it would be written, is over what an event may weigh
 * ({@link IntakeLimits#maxEventSize()}).
 */
public class NoteTooLargeException extends RuntimeException {

	private final String field;

	private final long maxBytes;

	public NoteTooLargeException(String field, DataSize limit) {
		super(field + " exceeds the limit of " + IntakeLimits.describe(limit) + " (" + limit.toBytes()
				+ " bytes) for a note");
		this.field = field;
		this.maxBytes = limit.toBytes();
	}

	/**
	 * A note whose event would be too large.
	 * @param field the field the note came in
	 * @param eventBytes what its event would weigh
	 * @param limit what an event may weigh
	 */
	NoteTooLargeException(String field, long eventBytes, DataSize limit) {
		super("the note, as it would be published (its text escaped as JSON, with what was read of it), takes "
				+ eventBytes + " bytes, more than the " + limit.toBytes() + " bytes a note may take in the event log "
				+ "(valise.kafka.max-record-size less " + IntakeLimits.EVENT_RESERVE.toBytes()
				+ " bytes kept for what routing and notification add): send a shorter " + field);
		this.field = field;
		this.maxBytes = limit.toBytes();
	}

	public String field() {
		return this.field;
	}

	/** The limit the note is over, in bytes. */
	public long maxBytes() {
		return this.maxBytes;
	}

}
