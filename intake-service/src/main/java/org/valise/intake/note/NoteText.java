package org.valise.intake.note;

/**
 * What every piece of text intake takes must be, however it arrived (a body, a JSON string, a file, a part of an
 * e-mail, the text layer of a PDF): Unicode that UTF-8 can carry, so no unpaired surrogate, and no NUL character,
 * which no note holds and which downstream systems (C strings, databases, terminals) treat as an end or an attack.
 */
public final class NoteText {

	private NoteText() {
	}

	/**
	 * Why the text cannot be taken, or {@code null} when it can; never quotes the text.
	 * @param text any text
	 * @return e.g. "contains a NUL character (at character 12)"
	 */
	public static String flaw(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "contains a NUL character (at character " + (i + 1) + ")";
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "contains an unpaired surrogate U+" + String.format("%04X", (int) c) + " (at character " + (i + 1)
						+ "), which is not Unicode text";
			}
		}
		return null;
	}

	/**
	 * The same text, if it can be taken.
	 * @param field the field problems name, e.g. {@code body}, {@code file}
	 * @param what how the client knows the text, e.g. {@code 'note.pdf'}, or {@code null} for the field itself
	 * @param text the text
	 * @return the text
	 * @throws InvalidNoteException naming the field, if the text has a {@linkplain #flaw(String) flaw}
	 */
	public static String require(String field, String what, String text) {
		String flaw = (text != null) ? flaw(text) : null;
		if (flaw != null) {
			throw new InvalidNoteException(field, ((what != null) ? what + " " : "") + flaw
					+ ": send the note as UTF-8 text without NUL characters");
		}
		return text;
	}

}
