package org.valise.intake.note;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a note reached intake. */
public enum SubmissionFormat {

	/** The raw text of the note ({@code text/plain}). */
	TEXT,

	/** Structured fields ({@code application/json}). */
	JSON,

	/** An uploaded file. */
	FILE;

	@JsonValue
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
