package org.valise.notification.delivery;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.Office;
import tools.jackson.databind.JsonNode;

/**
 * One attempt to deliver to one channel of an office, as the tracking topology hands it to the sender on
 * {@code notification.dispatches.v1} (in the transaction that records it in the outbox). It carries what the e-mail
 * or the webhook is made of, each once: the routing in force, the escalation for a notice, the note's text.
 *
 * @param deliveryId the delivery: the e-mail's Message-ID and the webhook's {@code webhook-id}, for every attempt
 * @param round 0, or the operator retry it belongs to
 * @param attempt the attempt's number in its round (1, 2, ...)
 * @param noteId the note
 * @param registryNumber its registry number
 * @param purpose NOTE (the routed note), ESCALATION (an escalation notice) or COPY (an information copy)
 * @param level 0, or the escalation level
 * @param office the office
 * @param channel email or webhook
 * @param address the e-mail address or URL
 * @param eventType the {@code ce_type} of the event delivered (NoteRouted or NoteEscalated)
 * @param eventId its {@code ce_id}
 * @param traceId the note's trace id, or null
 * @param priority NORMAL, HIGH or URGENT
 * @param escalation for a notice, the NoteEscalated (the webhook's body)
 * @param routed the NoteRouted in force (the e-mail is written from it; the webhook's body for the note)
 * @param text the note's text as received, or null when it has none
 * @param textOmitted whether the text was left out because the job would not fit in a record
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryJob(String deliveryId, int round, int attempt, UUID noteId, String registryNumber,
		String purpose, int level, Office office, String channel, String address, String eventType, String eventId,
		String traceId, String priority, NoteEscalated escalation, JsonNode routed, String text, boolean textOmitted) {

	/** Delivery of the routed note to its destination. */
	public static final String NOTE = "NOTE";

	/** Delivery of an escalation notice to the office escalated to. */
	public static final String ESCALATION = "ESCALATION";

	/** Delivery of an information copy to an office in copy (no acknowledgement asked). */
	public static final String COPY = "COPY";

	/** The same job without the note's text. */
	public DeliveryJob withoutText() {
		return new DeliveryJob(this.deliveryId, this.round, this.attempt, this.noteId, this.registryNumber,
				this.purpose, this.level, this.office, this.channel, this.address, this.eventType, this.eventId,
				this.traceId, this.priority, this.escalation, this.routed, null, true);
	}

}
