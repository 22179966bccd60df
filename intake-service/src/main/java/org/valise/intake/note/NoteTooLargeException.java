package org.valise.intake.note;

import org.springframework.util.unit.DataSize;

/**
 * A submitted note (body or file) is larger than intake accepts ({@code valise.intake.max-note-size}).
 */
public class NoteTooLargeException extends RuntimeException {

	private final String field;

	public NoteTooLargeException(String field, DataSize limit) {
		super(field + " exceeds the limit of " + IntakeLimits.describe(limit) + " for a note");
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
