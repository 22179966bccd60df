/**
 * Reads the text of a note out of an uploaded file: UTF-8 text, a PDF with a text layer, or an e-mail.
 */
package org.valise.intake.note.file;
