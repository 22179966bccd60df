package org.valise.intake.note.file;

/**
 * An uploaded file is of a supported kind but holds no note that can be read: a PDF without a text layer, an
 * encrypted or damaged PDF, an e-mail without a text body or usable attachment.
 */
public class UnreadableNoteFileException extends RuntimeException {

	UnreadableNoteFileException(String what, String reason) {
		super(what + " " + reason);
	}

}
