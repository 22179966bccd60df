package org.valise.intake.note;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

/**
 * Writes a {@link NoteReceived} as it is published (its JSON, the text escaped as JSON escapes it) and refuses one
 * that would weigh more than an event may ({@link IntakeLimits#maxEventSize()}): the bytes counted are the bytes
 * sent.
 */
final class NoteEvents {

	private final JsonMapper json;

	private final DataSize maxEventSize;

	NoteEvents(JsonMapper json, DataSize maxEventSize) {
		this.json = json;
		this.maxEventSize = maxEventSize;
	}

	/**
	 * The event's JSON.
	 * @param event the event
	 * @param field where the client put the note, for the problem
	 * @throws NoteTooLargeException when the JSON is over the limit
	 */
	byte[] write(NoteReceived event, String field) {
		byte[] bytes = this.json.writeValueAsBytes(event);
		if (bytes.length > this.maxEventSize.toBytes()) {
			throw new NoteTooLargeException(field, bytes.length, this.maxEventSize);
		}
		return bytes;
	}

}
