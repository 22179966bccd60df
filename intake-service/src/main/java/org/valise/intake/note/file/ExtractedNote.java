package org.valise.intake.note.file;

/**
 * The text of a note read from an uploaded file.
 *
 * @param fileName the uploaded file's name, or {@code null} if the client gave none
 * @param kind what the file turned out to be
 * @param text the note's text, never blank
 */
public record ExtractedNote(String fileName, FileKind kind, String text) {
}
