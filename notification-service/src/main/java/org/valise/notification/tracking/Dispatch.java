package org.valise.notification.tracking;

import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.Office;

/**
 * An attempt the desk decided to make now, recorded (outbox entry marked, attempt counted) in the same transaction
 * that hands it to the sender. The sender adds what the note's stores hold (the routing in force, the text) and sends
 * it; the receiver de-duplicates on {@link #deliveryId()} (the e-mail's Message-ID, the webhook's
 * {@code webhook-id}).
 *
 * @param deliveryId the delivery
 * @param round 0, or the operator retry it belongs to
 * @param attempt the attempt's number in its round (1, 2, ...)
 * @param noteId the note
 * @param registryNumber its registry number
 * @param purpose NOTE or ESCALATION
 * @param level 0 or the escalation level
 * @param office the receiving office
 * @param channel email or webhook
 * @param address the e-mail address or URL
 * @param eventType the {@code ce_type} of the event delivered
 * @param eventId its {@code ce_id}
 * @param traceId the note's trace id, or null
 * @param priority the note's priority
 * @param escalation for an escalation notice, the escalation
 */
public record Dispatch(String deliveryId, int round, int attempt, NoteId noteId, String registryNumber,
		Purpose purpose, int level, Office office, String channel, String address, String eventType, String eventId,
		String traceId, String priority, NoteEscalated escalation) {
}
