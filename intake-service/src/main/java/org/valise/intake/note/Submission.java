package org.valise.intake.note;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * One submission as intake takes it, before it is accepted: how it came, its text, who sent it with which key, its
 * digest, and what it says — read only when needed (a refused or replayed submission may not need the parser).
 *
 * @param format how it came
 * @param fileName the uploaded file's name, or {@code null}
 * @param text its text, or {@code null} for structured fields without text
 * @param submittedBy the authenticated client
 * @param key its {@code Idempotency-Key}, or {@code null}
 * @param digest what identifies it for its key ({@link SubmissionDigest})
 * @param fields what it says, read once on first use (and checked then: it may throw {@link InvalidNoteException})
 */
record Submission(SubmissionFormat format, String fileName, String text, String submittedBy, IdempotencyKey key,
		String digest, Supplier<NoteFields> fields) {

	/** The field a problem about the note's size names: where the client put the note. */
	String field() {
		if (this.format == SubmissionFormat.FILE) {
			return "file";
		}
		return (this.format == SubmissionFormat.JSON && this.text != null) ? "text" : "body";
	}

	/** Its event, under that id and time. */
	NoteReceived event(NoteId noteId, Instant receivedAt) {
		return new NoteReceived(noteId, receivedAt, this.format, this.fileName,
				(this.key != null) ? this.key.value() : null, this.submittedBy, this.fields.get(), this.text);
	}

	/** A supplier that asks its source once. */
	static Supplier<NoteFields> once(Supplier<NoteFields> source) {
		return new Supplier<>() {

			private NoteFields fields;

			@Override
			public synchronized NoteFields get() {
				if (this.fields == null) {
					this.fields = source.get();
				}
				return this.fields;
			}

		};
	}

}
