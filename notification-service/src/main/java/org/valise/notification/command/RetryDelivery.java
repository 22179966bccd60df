package org.valise.notification.command;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator asks to retry a failed delivery.
 *
 * @param commandId the command's id (also the reply's correlation id)
 * @param noteId the note
 * @param deliveryId the failed delivery
 * @param operator the authenticated operator
 * @param requestedAt when
 */
public record RetryDelivery(String commandId, UUID noteId, String deliveryId, String operator, Instant requestedAt) {
}
