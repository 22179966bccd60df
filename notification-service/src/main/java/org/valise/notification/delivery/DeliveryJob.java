package org.valise.notification.delivery;

import java.util.UUID;

import org.valise.notification.event.Office;

/**
 * One attempt to deliver something to one channel of an office, handed by the tracking topology's outbox to the
 * {@link DeliveryDispatcher}.
 *
 * @param deliveryId the delivery
 * @param attempt the attempt's number (1, 2, ...)
 * @param noteId the note
 * @param registryNumber its registry number
 * @param purpose NOTE (the routed note) or ESCALATION (an escalation notice)
 * @param level 0, or the escalation level
 * @param office the office
 * @param channel email or webhook
 * @param address the e-mail address or URL
 * @param eventType the {@code ce_type} of the event delivered (NoteRouted or NoteEscalated)
 * @param eventId its {@code ce_id}, sent as {@code X-Valise-Event-Id}
 * @param payload its JSON body, the webhook's body
 * @param routed the NoteRouted JSON in force, from which the e-mail is written
 * @param traceId the note's trace id, or null
 */
public record DeliveryJob(String deliveryId, int attempt, UUID noteId, String registryNumber, String purpose,
		int level, Office office, String channel, String address, String eventType, String eventId, String payload,
		String routed, String traceId) {

	/** Delivery of the routed note to its destination. */
	public static final String NOTE = "NOTE";

	/** Delivery of an escalation notice to the office escalated to. */
	public static final String ESCALATION = "ESCALATION";

}
