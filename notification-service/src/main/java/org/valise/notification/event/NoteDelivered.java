package org.valise.notification.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A routed note reached an office on one of its channels ({@code notes.delivery.v1},
 * {@code note-delivered.v1.schema.json}).
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number
 * @param deliveryId stable id of this delivery (same note, routing decision, channel and address: same id)
 * @param office the office it reached
 * @param channel email or webhook
 * @param address where it was delivered
 * @param deliveredAt when the channel accepted it
 * @param purpose NOTE (the note to its destination), ESCALATION (a notice) or COPY (an information copy)
 */
public record NoteDelivered(UUID noteId, String registryNumber, String deliveryId, Office office, String channel,
		String address, Instant deliveredAt, String purpose) {
}
