package org.valise.notification.acknowledgement;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer to an accepted acknowledgement: it is recorded in Kafka; the tracking view follows shortly.
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number
 * @param office the acknowledging office
 * @param acknowledgedBy who acknowledged
 * @param acknowledgedAt when
 * @param comment the comment, if any
 * @param eventId the {@code ce_id} of the NoteAcknowledged event
 */
record AcknowledgementAccepted(UUID noteId, String registryNumber, String office, String acknowledgedBy,
		Instant acknowledgedAt, String comment, String eventId) {
}
