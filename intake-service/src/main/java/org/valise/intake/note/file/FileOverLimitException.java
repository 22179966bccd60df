package org.valise.intake.note.file;

/**
 * An uploaded file is within the size limit but expands beyond what intake reads of one file: too many PDF pages,
 * streams or e-mail parts that decode to too much, too deep a nesting, too much text, or too long to read. The
 * client gets a 413 naming the {@link #limit()} it went over.
 */
public class FileOverLimitException extends RuntimeException {

	/** The limit a file went over, as problem responses name it. */
	public enum Limit {

		/** {@code valise.intake.pdf.max-pages} */
		PDF_PAGES("pdf-pages"),

		/** {@code valise.intake.pdf.max-decoded-size} */
		PDF_DECODED_SIZE("pdf-decoded-size"),

		/** Operands of one operator in a content stream ({@link PdfOperands#MAX_OPERANDS}) */
		PDF_OPERANDS("pdf-operands"),

		/** Forms drawn in one another, or on one page ({@link PdfText#MAX_FORM_DEPTH}, {@link PdfText#MAX_FORMS_PER_PAGE}) */
		PDF_FORMS("pdf-forms"),

		/** {@code valise.intake.mail.max-parts} */
		MAIL_PARTS("mail-parts"),

		/** {@code valise.intake.mail.max-depth} */
		MAIL_DEPTH("mail-depth"),

		/** {@code valise.intake.mail.max-decoded-size} */
		MAIL_DECODED_SIZE("mail-decoded-size"),

		/** {@code valise.intake.max-note-size}, applied to the text read from the file */
		TEXT_SIZE("text-size"),

		/** {@code valise.intake.file-time-budget} */
		TIME("time");

		private final String code;

		Limit(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	private final Limit limit;

	FileOverLimitException(String what, Limit limit, String reason) {
		super(what + " " + reason);
		this.limit = limit;
	}

	public Limit limit() {
		return this.limit;
	}

}
