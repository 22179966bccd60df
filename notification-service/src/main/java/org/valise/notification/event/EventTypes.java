package org.valise.notification.event;

import java.util.List;
import java.util.Map;

/**
 * The CloudEvents types of the contract ({@code contracts/asyncapi.yaml}) this service reads and writes, and the
 * schema each body validates against ({@code ce_dataschema}).
 */
public final class EventTypes {

	public static final String NOTE_RECEIVED = "org.valise.note.received.v1";

	public static final String NOTE_ROUTED = "org.valise.note.routed.v1";

	public static final String NOTE_DELIVERED = "org.valise.note.delivered.v1";

	public static final String NOTE_ACKNOWLEDGED = "org.valise.note.acknowledged.v1";

	public static final String NOTE_DELIVERY_FAILED = "org.valise.note.delivery-failed.v1";

	public static final String NOTE_ESCALATED = "org.valise.note.escalated.v1";

	public static final String RECEIPT_DRAFTED = "org.valise.note.receipt-drafted.v1";

	/** The event types this service writes, all on {@code notes.delivery.v1}, with their schema files. */
	public static final Map<String, String> WRITTEN = Map.of(NOTE_DELIVERED, "note-delivered.v1.schema.json",
			NOTE_ACKNOWLEDGED, "note-acknowledged.v1.schema.json", NOTE_DELIVERY_FAILED,
			"note-delivery-failed.v1.schema.json", NOTE_ESCALATED, "note-escalated.v1.schema.json", RECEIPT_DRAFTED,
			"receipt-drafted.v1.schema.json");

	/** The event types this service reads: NoteReceived on {@code notes.received.v1}, NoteRouted on {@code notes.routed.v1}. */
	public static final List<String> READ = List.of(NOTE_RECEIVED, NOTE_ROUTED);

	private EventTypes() {
	}

}
