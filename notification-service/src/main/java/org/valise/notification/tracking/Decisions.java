package org.valise.notification.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.valise.notification.command.CommandResult;

/**
 * The decisions taken on one input, as they are taken: later steps read the states and outbox entries earlier steps
 * changed (a routing that schedules deliveries, an escalation that puts a notice in the outbox).
 */
final class Decisions {

	private final TrackingView view;

	private final Map<NoteId, NoteTracking> trackings = new LinkedHashMap<>();

	private final Map<String, OutboxChange> outbox = new LinkedHashMap<>();

	private final List<Emitted> events = new ArrayList<>();

	private final List<Dispatch> dispatches = new ArrayList<>();

	private CommandResult reply;

	private boolean routingInForce;

	Decisions(TrackingView view) {
		this.view = view;
	}

	NoteTracking tracking(NoteId noteId) {
		NoteTracking changed = this.trackings.get(noteId);
		return (changed != null) ? changed : this.view.tracking(noteId);
	}

	void put(NoteTracking tracking) {
		this.trackings.put(tracking.noteId(), tracking);
	}

	OutboxEntry outbox(String deliveryId) {
		OutboxChange changed = this.outbox.get(deliveryId);
		return (changed != null) ? changed.entry() : this.view.outbox(deliveryId);
	}

	void putOutbox(OutboxEntry entry) {
		this.outbox.put(entry.deliveryId(), new OutboxChange(entry.deliveryId(), entry));
	}

	void deleteOutbox(String deliveryId) {
		if (outbox(deliveryId) != null) {
			this.outbox.put(deliveryId, new OutboxChange(deliveryId, null));
		}
	}

	void emit(Emitted event) {
		this.events.add(event);
	}

	void dispatch(Dispatch dispatch) {
		this.dispatches.add(dispatch);
	}

	void reply(CommandResult reply) {
		this.reply = reply;
	}

	void routingInForce() {
		this.routingInForce = true;
	}

	DeskResult result() {
		return new DeskResult(List.copyOf(this.trackings.values()), List.copyOf(this.outbox.values()),
				List.copyOf(this.events), List.copyOf(this.dispatches), this.reply, this.routingInForce);
	}

}
