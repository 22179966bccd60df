package org.valise.routing.clerk;

import org.springframework.http.HttpStatus;

/** A clerk's request the registry refuses: answered as a problem naming the field at fault, if any. */
class ClerkRequestException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String field;

	ClerkRequestException(HttpStatus status, String type, String field, String detail) {
		super(detail);
		this.status = status;
		this.type = type;
		this.field = field;
	}

	static ClerkRequestException unknownNote(String noteId) {
		return new ClerkRequestException(HttpStatus.NOT_FOUND, "unknown-note", "noteId",
				"no note " + noteId + " is registered");
	}

	HttpStatus status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	String field() {
		return this.field;
	}

}
