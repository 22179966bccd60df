package org.valise.intake.note.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.note.NoteText;
import org.valise.intake.parsing.NoteParser;

/**
 * Reads the note out of an uploaded file, whatever its kind ({@link FileKind}): tells the kind from the content,
 * the declared content type and the name, then extracts the text — within the limits of {@link IntakeLimits}, and
 * only if it is text intake takes ({@link NoteText}).
 */
@Component
public class NoteFiles {

	/** The multipart part a note is uploaded in, and the field problems name. */
	public static final String FIELD = "file";

	private static final Logger logger = LoggerFactory.getLogger(NoteFiles.class);

	private final NoteParser parser;

	private final IntakeLimits limits;

	NoteFiles(NoteParser parser, IntakeLimits limits) {
		PdfDecoding.requireInstalled();
		this.parser = parser;
		this.limits = limits;
	}

	/**
	 * Reads a note from a file.
	 * @param fileName the file's name as uploaded, or {@code null}
	 * @param contentType the content type the client declared for it, or {@code null}
	 * @param content the file's bytes
	 * @return the note's text, never blank
	 * @throws InvalidNoteException if the file is empty, or its text is not UTF-8 (or its declared charset), or holds
	 *         a NUL
	 * @throws UnsupportedNoteFileException if the file is not of a kind intake reads
	 * @throws UnreadableNoteFileException if the file holds no readable note
	 * @throws FileOverLimitException if the file expands beyond what intake reads of one file
	 */
	public ExtractedNote read(String fileName, String contentType, byte[] content) {
		String name = quote(fileName);
		if (content.length == 0) {
			throw new InvalidNoteException(FIELD, name + " is empty: send the note's file");
		}
		String what = FIELD + " " + name;
		Reading reading = new Reading(this.limits);
		FileKind kind = FileKinds.detect(what, fileName, contentType, content);
		String text = switch (kind) {
			case TEXT -> Utf8Text.decode(name, content);
			case PDF -> PdfText.extract(what, content, reading);
			case EMAIL -> MailText.extract(what, content, this::noteLikeness, reading);
		};
		NoteText.require(FIELD, name + ": its text", text);
		if (text.isBlank()) {
			throw new InvalidNoteException(FIELD, name + " holds only white space: send the note's text");
		}
		logger.debug("Read {} of {} bytes as {}: {} characters", what, content.length, kind, text.length());
		return new ExtractedNote(fileName, kind, text);
	}

	/** 0 for a note verbale, 1 for a letter, {@link MailText#NOT_A_NOTE} for anything else. */
	private int noteLikeness(String text) {
		return switch (this.parser.parse(text).docType()) {
			case NOTE_VERBALE -> 0;
			case LETTER -> 1;
			case OTHER -> MailText.NOT_A_NOTE;
		};
	}

	static String quote(String fileName) {
		return (fileName != null) ? "'" + fileName + "'" : "(unnamed)";
	}

}
