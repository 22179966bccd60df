package org.valise.notification.tracking;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A note's id, as intake gave it (a UUID): the key of every record about the note, of its tracking view and of its
 * deliveries. Written as its UUID string.
 *
 * @param value the UUID
 */
public record NoteId(UUID value) implements Comparable<NoteId> {

	public NoteId {
		if (value == null) {
			throw new IllegalArgumentException("A note id is a UUID");
		}
	}

	/** The note id written as a UUID string. */
	@JsonCreator
	public static NoteId of(String text) {
		if (text == null) {
			throw new IllegalArgumentException("A note id is a UUID");
		}
		return new NoteId(UUID.fromString(text.strip()));
	}

	public static NoteId of(UUID value) {
		return new NoteId(value);
	}

	@Override
	public int compareTo(NoteId other) {
		return this.value.toString().compareTo(other.value.toString());
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}

}
