package org.valise.platform.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A record's value as the text it must be: strict UTF-8 (a malformed or unmappable byte is refused, never replaced),
 * so that a reader dead-letters a value that is not text rather than reading a mangled one.
 */
public final class RecordText {

	private RecordText() {
	}

	/** The value decoded as UTF-8; refused with {@link CharacterCodingException} if it is not UTF-8 text. */
	public static String utf8(byte[] value) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(value))
			.toString();
	}

}
