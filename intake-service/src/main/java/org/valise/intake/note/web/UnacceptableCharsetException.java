package org.valise.intake.note.web;

/**
 * A text or JSON body declares a charset other than UTF-8 ({@code charset=ISO-8859-1}, {@code charset=UTF-16}, …).
 */
class UnacceptableCharsetException extends RuntimeException {

	UnacceptableCharsetException(String mediaType) {
		super(mediaType + " with a charset other than UTF-8 is not accepted here: send the note in UTF-8 "
				+ "(charset=UTF-8, or no charset)");
	}

}
