package org.valise.intake.parsing;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of document a registry receives. */
public enum DocType {

	/** A note verbale: third person, "presents its compliments". */
	NOTE_VERBALE("note_verbale"),

	/** A letter: first person, signed. */
	LETTER("letter"),

	/** Not correspondence: spam, junk, anything else. */
	OTHER("other");

	private final String code;

	DocType(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	public static DocType fromCode(String code) {
		for (DocType type : values()) {
			if (type.code.equalsIgnoreCase(code)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown document type '" + code + "'; expected note_verbale, letter or other");
	}

}
