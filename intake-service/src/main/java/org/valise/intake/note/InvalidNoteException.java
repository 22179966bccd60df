package org.valise.intake.note;

/**
 * A submitted note cannot be accepted as it is; names the field at fault and why.
 */
public class InvalidNoteException extends RuntimeException {

	private final String field;

	public InvalidNoteException(String field, String reason) {
		super(field + " " + reason);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
