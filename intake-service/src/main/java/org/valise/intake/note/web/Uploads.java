package org.valise.intake.note.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.Part;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.note.NoteTooLargeException;
import org.valise.intake.note.file.ExtractedNote;
import org.valise.intake.note.file.NoteFiles;

/**
 * Takes the {@code file} part of a multipart upload: checks it is there and within the size limit, cleans its name,
 * and has {@link NoteFiles} read the note out of it.
 */
@Component
class Uploads {

	private static final int MAX_FILE_NAME = 255;

	private final NoteFiles files;

	private final DataSize limit;

	Uploads(NoteFiles files, IntakeLimits limits) {
		this.files = files;
		this.limit = limits.maxNoteSize();
	}

	ExtractedNote read(Part part) {
		if (part == null) {
			throw new InvalidNoteException(NoteFiles.FIELD,
					"is missing: upload the note as a multipart/form-data part named '" + NoteFiles.FIELD + "'");
		}
		if (part.getSize() > this.limit.toBytes()) {
			throw new NoteTooLargeException(NoteFiles.FIELD, this.limit);
		}
		return this.files.read(fileName(part.getSubmittedFileName()), part.getContentType(), bytes(part));
	}

	private byte[] bytes(Part part) {
		try (InputStream in = part.getInputStream()) {
			byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.limit.toBytes() + 1));
			if (content.length > this.limit.toBytes()) {
				throw new NoteTooLargeException(NoteFiles.FIELD, this.limit);
			}
			return content;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

	/** The last segment of the name (browsers may send a path), without control characters, at most 255 long. */
	static String fileName(String submitted) {
		if (submitted == null) {
			return null;
		}
		String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "")
			.strip();
		if (name.isEmpty()) {
			return null;
		}
		return (name.length() > MAX_FILE_NAME) ? name.substring(0, MAX_FILE_NAME) : name;
	}

}
