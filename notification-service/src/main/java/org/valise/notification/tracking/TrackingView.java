package org.valise.notification.tracking;

import org.valise.notification.directory.OfficeDirectory;

/** What the desk reads: the notes' states and the delivery outbox of the partition it works on, and the directory. */
public interface TrackingView {

	/** The note's state, or null when no fact of it has been seen. */
	NoteTracking tracking(NoteId noteId);

	/** The outbox entry of a delivery, or null. */
	OutboxEntry outbox(String deliveryId);

	/** The organisation directory in force. */
	OfficeDirectory directory();

}
