package org.valise.notification.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A note was accepted by intake-service ({@code notes.received.v1}, {@code note-received.v1.schema.json}).
 *
 * @param noteId the note's id
 * @param receivedAt when intake accepted it
 * @param format how it reached intake: text, json or file
 * @param fileName the uploaded file's name, if any
 * @param idempotencyKey the submitter's Idempotency-Key, if any
 * @param submittedBy the authenticated submitter
 * @param note what intake understood of it
 * @param text the full text as received
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteReceived(UUID noteId, Instant receivedAt, String format, String fileName, String idempotencyKey,
		String submittedBy, NoteFields note, String text) {
}
