package org.valise.intake.note;

import java.time.Instant;

/**
 * Event published when intake has accepted a note ({@code notes.received.v1}, {@code note-received.v1.schema.json}).
 *
 * @param noteId the note's id, also the record key
 * @param receivedAt when intake accepted it
 * @param format how it arrived
 * @param fileName the uploaded file's name, or {@code null}
 * @param idempotencyKey the submitter's {@code Idempotency-Key}, or {@code null}
 * @param submittedBy the authenticated client that submitted it
 * @param note what was understood of it
 * @param text its full text exactly as received (for a file, the text read from it), or {@code null} for
 *        structured submissions without text
 */
public record NoteReceived(NoteId noteId, Instant receivedAt, SubmissionFormat format, String fileName,
		String idempotencyKey, String submittedBy, NoteFields note, String text) {
}
