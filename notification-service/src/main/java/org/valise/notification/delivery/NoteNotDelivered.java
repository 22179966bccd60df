package org.valise.notification.delivery;

import java.util.UUID;

/**
 * A note could not be delivered to one of its addresses (SMTP refused, or its delivery could not be recorded).
 */
class NoteNotDelivered extends RuntimeException {

	private final UUID noteId;

	private final String registryNumber;

	private final String address;

	NoteNotDelivered(UUID noteId, String registryNumber, String address, Throwable cause) {
		super("Note " + noteId + " (" + registryNumber + ") not delivered to " + address, cause);
		this.noteId = noteId;
		this.registryNumber = registryNumber;
		this.address = address;
	}

	UUID noteId() {
		return this.noteId;
	}

	String registryNumber() {
		return this.registryNumber;
	}

	String address() {
		return this.address;
	}

}
