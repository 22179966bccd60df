package org.valise.notification.tracking.streams;

import java.time.Instant;

import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.command.RetryDelivery;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.tracking.NoteId;

/**
 * One record read by the tracking topology, understood: a note event, a command, or a refused record on its way to
 * the dead-letter topic.
 *
 * @param kind what it is
 * @param noteId the note it is about
 * @param eventId its {@code ce_id} (events)
 * @param time when the fact happened (events: {@code ce_time}, else the record's timestamp)
 * @param received a NoteReceived
 * @param routed a NoteRouted
 * @param routedJson the NoteRouted as read (kept as the routing in force, delivered to webhooks)
 * @param acknowledge an AcknowledgeNote
 * @param attempted a DeliveryAttempted
 * @param retry a RetryDelivery
 * @param correlationId the waiting caller's correlation id (commands), or null
 * @param deadLetter the original value of a refused record
 */
record TrackingInput(Kind kind, NoteId noteId, String eventId, Instant time, NoteReceived received, NoteRouted routed,
		byte[] routedJson, AcknowledgeNote acknowledge, DeliveryAttempted attempted, RetryDelivery retry,
		byte[] correlationId, byte[] deadLetter) {

	enum Kind {

		RECEIVED, ROUTED, ACKNOWLEDGE, ATTEMPTED, RETRY, REFUSED

	}

	static TrackingInput received(NoteId noteId, String eventId, Instant time, NoteReceived received) {
		return new TrackingInput(Kind.RECEIVED, noteId, eventId, time, received, null, null, null, null, null, null,
				null);
	}

	static TrackingInput routed(NoteId noteId, String eventId, Instant time, NoteRouted routed, byte[] json) {
		return new TrackingInput(Kind.ROUTED, noteId, eventId, time, null, routed, json, null, null, null, null, null);
	}

	static TrackingInput acknowledge(AcknowledgeNote command, byte[] correlationId) {
		return new TrackingInput(Kind.ACKNOWLEDGE, NoteId.of(command.noteId()), command.commandId(), null, null, null,
				null, command, null, null, correlationId, null);
	}

	static TrackingInput attempted(DeliveryAttempted outcome) {
		return new TrackingInput(Kind.ATTEMPTED, NoteId.of(outcome.noteId()), null, null, null, null, null, null,
				outcome, null, null, null);
	}

	static TrackingInput retry(RetryDelivery command, byte[] correlationId) {
		return new TrackingInput(Kind.RETRY, NoteId.of(command.noteId()), command.commandId(), null, null, null, null,
				null, null, command, correlationId, null);
	}

	static TrackingInput refused(byte[] value) {
		return new TrackingInput(Kind.REFUSED, null, null, null, null, null, null, null, null, null, null, value);
	}

}
