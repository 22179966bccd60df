package org.valise.notification.command;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of one delivery attempt, reported by the sender to the tracking topology, which records the delivery,
 * schedules the next attempt or gives up.
 *
 * @param noteId the note
 * @param deliveryId the delivery
 * @param round the round of attempts (0, then one more per operator retry)
 * @param attempt the attempt's number in its round (an outcome of an older attempt is ignored)
 * @param succeeded whether the channel accepted the note
 * @param permanent whether the failure is one a retry cannot cure (HTTP 4xx, invalid address, no secret)
 * @param error what went wrong, or null
 * @param at when the attempt ended
 */
public record DeliveryAttempted(UUID noteId, String deliveryId, int round, int attempt, boolean succeeded, boolean permanent,
		String error, Instant at) {
}
