package org.valise.intake.note.file;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.file.FileOverLimitException.Limit;

/**
 * Reads the text layer of a PDF with Apache PDFBox. A scanned PDF without a text layer is refused: intake does not
 * do OCR. A PDF is read within limits ({@code valise.intake.pdf.*}): its pages, what its streams decode to
 * ({@link PdfDecoding}), the text it holds, and the time reading it takes.
 */
final class PdfText {

	/** Fewer letters than this is a scan with a stray caption ("Scanned by …"), not the text of a note. */
	private static final int MIN_LETTERS = 20;

	/** A letterhead drawn in a frame drawn in a page template: three; a generous bound. */
	static final int MAX_FORM_DEPTH = 12;

	static final int MAX_FORMS_PER_PAGE = 1_000;

	private PdfText() {
	}

	/**
	 * The text of the PDF, one line per line of print and a blank line between paragraphs (as the parser reads
	 * paragraphs).
	 * @param name the file as the client knows it, e.g. {@code 'note.pdf'}
	 * @param reading the reading of the uploaded file this PDF is (or is attached to)
	 * @throws UnreadableNoteFileException if the PDF is encrypted, damaged, or has no text layer
	 * @throws FileOverLimitException if the PDF goes over a limit
	 */
	static String extract(String name, byte[] content, Reading reading) {
		IntakeLimits limits = reading.limits();
		PdfDecoding.Budget budget = new PdfDecoding.Budget(name, reading);
		try {
			String text = PdfDecoding.within(budget, () -> {
				// PDFBox's stream cache (streams it writes) in memory and bounded; what it decodes is PdfDecoding's.
				try (PDDocument document = Loader.loadPDF(content, "", null, null,
						MemoryUsageSetting.setupMainMemoryOnly(limits.pdf().maxDecodedSize().toBytes()).streamCache)) {
					int pages = document.getNumberOfPages();
					if (pages > limits.pdf().maxPages()) {
						throw tooManyPages(name, limits);
					}
					Text out = new Text(name, budget);
					new Stripper(name, budget, limits).writeText(document, out);
					return out.toString();
				}
			});
			if (text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
				throw new UnreadableNoteFileException(name, "has no text layer (it looks like a scanned image); "
						+ "OCR is not supported: send the PDF as produced by the word processor, or the note as text");
			}
			return text;
		}
		catch (InvalidPasswordException ex) {
			throw new UnreadableNoteFileException(name, "is protected by a password: send it unprotected");
		}
		catch (UnreadableNoteFileException | FileOverLimitException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException | StackOverflowError ex) {
			// PDFBox also signals some malformed files with runtime exceptions, and deeply nested ones overflow.
			throw new UnreadableNoteFileException(name, "is damaged and cannot be read as a PDF");
		}
		catch (OutOfMemoryError ex) {
			// One allocation PDFBox sized from the file failed (the heap itself is guarded by PdfDecoding).
			throw budget.exceeded(new FileOverLimitException(name, Limit.PDF_DECODED_SIZE,
					"needs more memory to read than intake gives one PDF: send the note alone, as text or as a simple PDF"));
		}
	}

	private static FileOverLimitException tooManyPages(String name, IntakeLimits limits) {
		return new FileOverLimitException(name, Limit.PDF_PAGES, "has more than " + limits.pdf().maxPages()
				+ " pages, the most intake reads in a PDF: send the note alone");
	}

	/** PDFBox's text stripper, counting pages (whatever the page tree claims) and checking the time. */
	private static final class Stripper extends PDFTextStripper {

		private final String name;

		private final PdfDecoding.Budget budget;

		private final IntakeLimits limits;

		private long characters;

		private int formDepth;

		private int formsOnPage;

		Stripper(String name, PdfDecoding.Budget budget, IntakeLimits limits) {
			this.name = name;
			this.budget = budget;
			this.limits = limits;
			setLineSeparator("\n");
			setParagraphEnd("\n");
			setPageEnd("\n");
		}

		@Override
		public void processPage(PDPage page) throws IOException {
			if (getCurrentPageNo() > this.limits.pdf().maxPages()) {
				throw this.budget.exceeded(tooManyPages(this.name, this.limits));
			}
			this.budget.checkTime();
			this.characters = 0;
			this.formsOnPage = 0;
			decodeThroughTheGuard(page);
			checkOperands(page);
			super.processPage(page);
		}

		@Override
		public void showForm(PDFormXObject form) throws IOException {
			enterForm(form);
			try {
				super.showForm(form);
			}
			finally {
				this.formDepth--;
			}
		}

		@Override
		public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
			enterForm(group);
			try {
				super.showTransparencyGroup(group);
			}
			finally {
				this.formDepth--;
			}
		}

		/**
		 * A form may draw forms, itself included: PDFBox stops at a depth of 50, logging an error for every drawing
		 * it skips — tens of thousands for one self-drawing form. Refused long before.
		 */
		private void enterForm(PDContentStream form) {
			this.budget.checkTime();
			if (this.formDepth >= MAX_FORM_DEPTH || ++this.formsOnPage > MAX_FORMS_PER_PAGE) {
				throw this.budget.exceeded(new FileOverLimitException(this.name, Limit.PDF_FORMS, "draws forms more than "
						+ MAX_FORM_DEPTH + " deep or more than " + MAX_FORMS_PER_PAGE + " times on page "
						+ getCurrentPageNo() + ", more than any page of a note does"));
			}
			checkOperands(form);
			this.formDepth++;
		}

		/** Refuses a content stream whose operands would pile up in PDFBox ({@link PdfOperands}). */
		private void checkOperands(PDContentStream stream) {
			boolean within;
			try (RandomAccessRead contents = stream.getContentsForStreamParsing()) {
				within = PdfOperands.withinLimit(contents);
			}
			catch (IOException ex) {
				// A damaged stream: PDFBox reads what it can of it, as it would without this check.
				return;
			}
			if (!within) {
				throw this.budget.exceeded(new FileOverLimitException(this.name, Limit.PDF_OPERANDS,
						"has an operator with more than " + PdfOperands.MAX_OPERANDS + " operands on page "
								+ getCurrentPageNo() + ", more than any drawing of text takes"));
			}
		}

		/**
		 * PDFBox 3 inflates a page's only content stream, when its filter is the name /FlateDecode, straight from the
		 * file as it parses it, past {@link PdfDecoding}: a stream of a gigabyte of operands would pile up in its
		 * operand list unbounded. As a one-element array, the same filter is decoded through the guard (in memory
		 * only: the document is never saved).
		 */
		private static void decodeThroughTheGuard(PDPage page) {
			if (page.getCOSObject().getDictionaryObject(COSName.CONTENTS) instanceof COSStream contents
					&& COSName.FLATE_DECODE.equals(contents.getItem(COSName.FILTER))) {
				contents.setItem(COSName.FILTER, new COSArray(List.of(COSName.FLATE_DECODE)));
				if (contents.getDictionaryObject(COSName.DECODE_PARMS) instanceof COSDictionary parameters) {
					contents.setItem(COSName.DECODE_PARMS, new COSArray(List.of(parameters)));
				}
			}
		}

		/** PDFBox keeps every character of a page until the page ends: a page holds only so many. */
		@Override
		protected void processTextPosition(TextPosition text) {
			this.characters += text.getUnicode().length();
			if (this.characters > this.limits.pdf().maxPageCharacters()) {
				throw this.budget.exceeded(new FileOverLimitException(this.name, Limit.TEXT_SIZE, "has more than "
						+ this.limits.pdf().maxPageCharacters() + " characters on page " + getCurrentPageNo()
						+ ", more than a page of a note holds"));
			}
			super.processTextPosition(text);
		}

		@Override
		protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
			this.budget.checkTime();
			super.processOperator(operator, operands);
		}

	}

	/** The text written so far, refused once it is larger than a note may be (counted in UTF-8 bytes). */
	private static final class Text extends Writer {

		private final StringBuilder text = new StringBuilder();

		private final String name;

		private final PdfDecoding.Budget budget;

		private final long max;

		private long bytes;

		Text(String name, PdfDecoding.Budget budget) {
			this.name = name;
			this.budget = budget;
			this.max = budget.reading().limits().maxNoteSize().toBytes();
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				char c = chars[i];
				this.bytes += (c < 0x80) ? 1 : (c < 0x800 || Character.isSurrogate(c)) ? 2 : 3;
			}
			if (this.bytes > this.max) {
				throw this.budget.exceeded(this.budget.reading().textTooLarge(this.name));
			}
			this.text.append(chars, offset, length);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
