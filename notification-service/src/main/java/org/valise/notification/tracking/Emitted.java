package org.valise.notification.tracking;

import java.time.Instant;

/**
 * An event the desk publishes on {@code notes.delivery.v1}.
 *
 * @param type its {@code ce_type}
 * @param noteId the note (the record's key and {@code ce_subject})
 * @param eventId its {@code ce_id}, stable: the same fact decided again has the same id
 * @param time when the fact happened
 * @param body the event (NoteDelivered, NoteAcknowledged, ...)
 * @param traceId the note's trace id, or null
 */
public record Emitted(String type, NoteId noteId, String eventId, Instant time, Object body, String traceId) {
}
