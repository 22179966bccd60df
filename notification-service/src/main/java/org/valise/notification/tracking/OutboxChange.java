package org.valise.notification.tracking;

/**
 * A change to the delivery outbox.
 *
 * @param deliveryId the delivery
 * @param entry its entry from now on, or null when it leaves the outbox
 */
public record OutboxChange(String deliveryId, OutboxEntry entry) {
}
