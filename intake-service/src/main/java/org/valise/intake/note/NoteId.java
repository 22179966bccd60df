package org.valise.intake.note;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies one received note across every service; it is the key of every Kafka record about the note.
 */
public record NoteId(@JsonValue UUID value) {

	public NoteId {
		if (value == null) {
			throw new IllegalArgumentException("A note id needs a value");
		}
	}

	public static NoteId random() {
		return new NoteId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
