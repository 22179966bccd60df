package org.valise.intake.note.file;

import java.util.List;

/** The kinds of file a note can be uploaded as. */
public enum FileKind {

	/** Plain text in UTF-8 ({@code .txt}, {@code text/plain}). */
	TEXT(".txt (text/plain, UTF-8)"),

	/** A PDF with a text layer ({@code .pdf}, {@code application/pdf}); scanned images are not read (no OCR). */
	PDF(".pdf (application/pdf) with a text layer"),

	/**
	 * An e-mail ({@code .eml}, {@code message/rfc822}) with the note in its text/plain body or as a text/plain,
	 * .txt or .pdf attachment.
	 */
	EMAIL(".eml (message/rfc822) with the note in its text/plain body or as a .txt or .pdf attachment");

	/** What a client may upload, for problem responses. */
	public static final List<String> ACCEPTED = List.of(TEXT.description, PDF.description, EMAIL.description);

	private final String description;

	FileKind(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

}
