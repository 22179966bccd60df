package org.valise.notification.tracking;

import java.util.List;

import org.valise.notification.command.CommandResult;

/**
 * What the desk decided for one input: the states to store, the outbox changes, the events to publish, the attempts
 * to hand to the sender and the answer to a waiting caller — all to commit in one transaction.
 *
 * @param trackings the notes' new states
 * @param outbox the outbox changes, in order
 * @param events the events to publish, in order
 * @param dispatches the attempts to make now
 * @param reply the answer to the command, or null
 * @param routingInForce whether the NoteRouted read is now the note's routing in force (to keep)
 */
public record DeskResult(List<NoteTracking> trackings, List<OutboxChange> outbox, List<Emitted> events,
		List<Dispatch> dispatches, CommandResult reply, boolean routingInForce) {

	/** Nothing to do. */
	public static final DeskResult NOTHING = new DeskResult(List.of(), List.of(), List.of(), List.of(), null, false);

	/** Whether nothing is to be done. */
	public boolean isEmpty() {
		return this.trackings.isEmpty() && this.outbox.isEmpty() && this.events.isEmpty() && this.dispatches.isEmpty()
				&& this.reply == null;
	}

}
