package org.valise.routing.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.valise.routing.note.NoteFields;
import org.valise.routing.note.NoteReceived;

/**
 * The fingerprint of a note's content: SHA-256 of its text exactly as received, or, for a structured submission
 * without text, of the fields that make it the note it is. Two submissions with the same fingerprint are the same
 * note sent twice; two with the same sender and reference but different fingerprints are two notes (a correction, or
 * a reused reference) that a clerk tells apart.
 */
final class ContentHash {

	private ContentHash() {
	}

	static String of(NoteReceived received) {
		String content = (received.text() != null && !received.text().isBlank()) ? "text\u0000" + received.text()
				: "fields\u0000" + fields(received.note());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static String fields(NoteFields note) {
		if (note == null) {
			return "";
		}
		return String.join("\u0000", Objects.toString(note.docType()), Objects.toString(note.sender()),
				Objects.toString(note.reference()), Objects.toString(note.date()), Objects.toString(note.recipient()),
				Objects.toString(note.subject()), Objects.toString(note.requestedAction()),
				Objects.toString(note.enclosures()), Objects.toString(note.inReplyTo()));
	}

}
