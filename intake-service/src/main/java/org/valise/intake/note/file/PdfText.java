package org.valise.intake.note.file;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads the text layer of a PDF with Apache PDFBox. A scanned PDF without a text layer is refused: intake does not
 * do OCR.
 */
final class PdfText {

	/** Fewer letters than this is a scan with a stray caption ("Scanned by …"), not the text of a note. */
	private static final int MIN_LETTERS = 20;

	private PdfText() {
	}

	/**
	 * The text of the PDF, one line per line of print and a blank line between paragraphs (as the parser reads
	 * paragraphs).
	 * @param name the file as the client knows it, e.g. {@code 'note.pdf'}
	 * @throws UnreadableNoteFileException if the PDF is encrypted, damaged, or has no text layer
	 */
	static String extract(String name, byte[] content) {
		try (PDDocument document = Loader.loadPDF(content)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setLineSeparator("\n");
			stripper.setParagraphEnd("\n");
			stripper.setPageEnd("\n");
			String text = stripper.getText(document);
			if (text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
				throw new UnreadableNoteFileException(name, "has no text layer (it looks like a scanned image); "
						+ "OCR is not supported: send the PDF as produced by the word processor, or the note as text");
			}
			return text;
		}
		catch (InvalidPasswordException ex) {
			throw new UnreadableNoteFileException(name, "is protected by a password: send it unprotected");
		}
		catch (UnreadableNoteFileException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// PDFBox also signals some malformed files with runtime exceptions.
			throw new UnreadableNoteFileException(name, "is damaged and cannot be read as a PDF");
		}
	}

}
