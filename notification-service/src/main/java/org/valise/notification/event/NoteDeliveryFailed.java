package org.valise.notification.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery to one channel failed for good; an operator may retry it ({@code notes.delivery.v1},
 * {@code note-delivery-failed.v1.schema.json}).
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number
 * @param deliveryId the delivery, to retry through the API
 * @param office the office it was for
 * @param channel email or webhook
 * @param address the e-mail address or URL
 * @param purpose NOTE or ESCALATION
 * @param attempts how many attempts were made
 * @param error the last attempt's error
 * @param permanent whether a retry cannot cure that error
 * @param failedAt when the delivery was given up
 */
public record NoteDeliveryFailed(UUID noteId, String registryNumber, String deliveryId, Office office, String channel,
		String address, String purpose, int attempts, String error, boolean permanent, Instant failedAt) {
}
