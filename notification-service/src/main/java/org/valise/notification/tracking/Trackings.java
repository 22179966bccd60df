package org.valise.notification.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The task's tracking views ({@code note-tracking}) and their deadline index ({@code escalation-deadlines}, key
 * {@code <epoch millis, 19 digits>|<note id>}), kept in step: the escalation punctuator reads only the due part of the
 * index instead of every note.
 */
class Trackings {

	private final KeyValueStore<String, NoteTracking> views;

	private final KeyValueStore<String, String> deadlines;

	Trackings(KeyValueStore<String, NoteTracking> views, KeyValueStore<String, String> deadlines) {
		this.views = views;
		this.deadlines = deadlines;
	}

	NoteTracking get(String noteId) {
		return this.views.get(noteId);
	}

	/** Stores the next view of a note and moves its entry in the deadline index if its next escalation moved. */
	void put(NoteTracking before, NoteTracking after) {
		String noteId = after.noteId().toString();
		this.views.put(noteId, after);
		Instant was = (before != null) ? before.nextEscalationAt() : null;
		Instant is = after.nextEscalationAt();
		if (!Objects.equals(was, is)) {
			if (was != null) {
				this.deadlines.delete(key(was, noteId));
			}
			if (is != null) {
				this.deadlines.put(key(is, noteId), noteId);
			}
		}
	}

	/** The index entries due at {@code now}, earliest first (the iterator is closed before anything changes). */
	List<Due> due(Instant now) {
		List<Due> due = new ArrayList<>();
		try (KeyValueIterator<String, String> entries = this.deadlines.range(key(Instant.EPOCH, ""),
				key(now, "~"))) {
			while (entries.hasNext()) {
				KeyValue<String, String> entry = entries.next();
				due.add(new Due(Instant.ofEpochMilli(Long.parseLong(entry.key.substring(0, 19))), entry.value));
			}
		}
		return due;
	}

	/** Drops an index entry that no longer matches its note (defensive: put() keeps them in step). */
	void forgetDeadline(Instant at, String noteId) {
		this.deadlines.delete(key(at, noteId));
	}

	/**
	 * An entry of the deadline index.
	 *
	 * @param at when the next escalation is due
	 * @param noteId the note
	 */
	record Due(Instant at, String noteId) {
	}

	private static String key(Instant at, String noteId) {
		return String.format("%019d|%s", Math.max(0, at.toEpochMilli()), noteId);
	}

}
