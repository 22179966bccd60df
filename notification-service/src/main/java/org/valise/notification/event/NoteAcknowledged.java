package org.valise.notification.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The destination office acknowledged a delivered note ({@code notes.delivery.v1},
 * {@code note-acknowledged.v1.schema.json}).
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number
 * @param office the office that acknowledged
 * @param acknowledgedBy who acknowledged, as given by the authenticated office
 * @param acknowledgedAt when
 * @param comment an optional comment
 */
public record NoteAcknowledged(UUID noteId, String registryNumber, Office office, String acknowledgedBy,
		Instant acknowledgedAt, String comment) {
}
