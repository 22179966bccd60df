package org.valise.intake.note.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.valise.intake.note.InvalidNoteException;

/**
 * Decodes text that must be UTF-8, refusing malformed input instead of replacing it, so that a note in another
 * encoding is sent back rather than silently garbled. A leading byte order mark is dropped.
 */
final class Utf8Text {

	private Utf8Text() {
	}

	/**
	 * The text of the bytes.
	 * @param name the file as the client knows it, e.g. {@code 'note.txt'}
	 * @throws InvalidNoteException naming the field {@code file} if the bytes are not UTF-8 text
	 */
	static String decode(String name, byte[] content) {
		int start = (content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
				&& content[2] == (byte) 0xBF) ? 3 : 0;
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
		CharBuffer out = CharBuffer.allocate(content.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw new InvalidNoteException(NoteFiles.FIELD, name + " is not valid UTF-8 text (invalid byte 0x"
					+ String.format("%02X", in.get(in.position())) + " at offset " + in.position()
					+ "): save it as UTF-8 and send it again");
		}
		decoder.flush(out);
		String text = out.flip().toString();
		if (text.indexOf('\u0000') >= 0) {
			throw new InvalidNoteException(NoteFiles.FIELD,
					name + " contains NUL characters, so it is not UTF-8 text (UTF-16?): save it as UTF-8 and send it again");
		}
		return text;
	}

}
