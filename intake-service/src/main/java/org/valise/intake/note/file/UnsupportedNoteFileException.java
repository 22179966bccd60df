package org.valise.intake.note.file;

/**
 * An uploaded file is of a kind intake does not read, or is not what its name or content type says it is.
 */
public class UnsupportedNoteFileException extends RuntimeException {

	UnsupportedNoteFileException(String what, String reason) {
		super(what + " " + reason + "; accepted: " + String.join(", ", FileKind.ACCEPTED));
	}

}
