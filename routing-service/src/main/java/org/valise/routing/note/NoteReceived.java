package org.valise.routing.note;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Event read from {@code notes.received.v1}: intake accepted a note. Unknown properties are ignored, so intake can
 * add optional fields without breaking this reader.
 *
 * @param noteId the note's id (a UUID string), also the record key
 * @param receivedAt when intake accepted it
 * @param format how it reached intake ({@code text}, {@code json} or {@code file})
 * @param fileName the uploaded file's name, or {@code null}
 * @param idempotencyKey the submitter's idempotency key, or {@code null}
 * @param submittedBy the authenticated client that submitted it, or {@code null}
 * @param note what intake understood of it
 * @param text its full text as received, or {@code null} for structured submissions
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteReceived(String noteId, Instant receivedAt, String format, String fileName, String idempotencyKey,
		String submittedBy, NoteFields note, String text) {
}
