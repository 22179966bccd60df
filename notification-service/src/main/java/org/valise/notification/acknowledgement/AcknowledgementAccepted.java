package org.valise.notification.acknowledgement;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer to an acknowledgement: decided (status ACKNOWLEDGED, NoteAcknowledged committed) or, when the decision did
 * not come in time, PENDING (the command is recorded; the tracking view will show the decision).
 *
 * @param status ACKNOWLEDGED or PENDING
 * @param noteId the note's id
 * @param registryNumber the registry's number
 * @param office the acknowledging office
 * @param acknowledgedBy who acknowledged
 * @param acknowledgedAt when
 * @param comment the comment, if any
 * @param eventId the {@code ce_id} of the NoteAcknowledged event
 * @param commandId the command's id
 */
record AcknowledgementAccepted(String status, UUID noteId, String registryNumber, String office,
		String acknowledgedBy, Instant acknowledgedAt, String comment, String eventId, String commandId) {

	static final String ACKNOWLEDGED = "ACKNOWLEDGED";

	static final String PENDING = "PENDING";

}
