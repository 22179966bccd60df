package org.valise.intake.note.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.valise.intake.note.InvalidNoteException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The check every text and JSON body is read through: well-formed UTF-8 (RFC 3629) without NUL, or a refusal at the
 * first byte that is not.
 */
class Utf8StreamTests {

	@Test
	void readsWellFormedUtf8ThroughUnchanged() throws IOException {
		byte[] text = "Genève — ព្រះរាជាណាចក្រ 𝄞 No. 2021/01/105\r\n".getBytes(StandardCharsets.UTF_8);

		assertThat(read(text, 1)).isEqualTo(text);
		assertThat(read(text, 3)).isEqualTo(text);
		assertThat(read(text, 8192)).isEqualTo(text);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "FF", "FE", "80", "C0AF", "C1BF", "E080AF", "EDA080", "EDBFBF", "F08080AF", "F4908080",
			"F5808080", "F888808080", "C341", "E282", "FFFE0067" })
	void refusesMalformedUtf8NamingTheOffset(String hex) {
		byte[] bytes = concat("ok: ".getBytes(StandardCharsets.US_ASCII), hex(hex));

		assertThatExceptionOfType(InvalidNoteException.class).isThrownBy(() -> read(bytes, 2))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("body"))
			.withMessageMatching("body (is not valid UTF-8.*|contains a NUL byte.*)");
	}

	@Test
	void refusesABodyThatEndsInTheMiddleOfACharacter() {
		assertThatExceptionOfType(InvalidNoteException.class).isThrownBy(() -> read(hex("41E282"), 1))
			.withMessageContaining("ends in the middle of a character");
	}

	@Test
	void refusesANulByteAsTheMarkOfUtf16() {
		byte[] utf16 = "No. 1".getBytes(StandardCharsets.UTF_16LE);

		assertThatExceptionOfType(InvalidNoteException.class).isThrownBy(() -> read(utf16, 4096))
			.withMessageContaining("contains a NUL byte (at offset 1)");
	}

	@Test
	void namesTheOffsetOfTheFirstInvalidByte() {
		assertThatExceptionOfType(InvalidNoteException.class)
			.isThrownBy(() -> read(concat("Genève ".getBytes(StandardCharsets.UTF_8), hex("FF")), 3))
			.withMessageContaining("invalid byte 0xFF at offset 8");
	}

	@Test
	void checksWhatItSkips() {
		assertThatExceptionOfType(InvalidNoteException.class).isThrownBy(() -> {
			try (InputStream in = new Utf8Stream(new ByteArrayInputStream(hex("4141FF41")), "body")) {
				in.skip(3);
			}
		});
	}

	private static byte[] read(byte[] bytes, int chunk) throws IOException {
		try (InputStream in = new Utf8Stream(new ByteArrayInputStream(bytes), "body")) {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[chunk];
			int n;
			while ((n = (chunk == 1) ? single(in, buffer) : in.read(buffer, 0, chunk)) >= 0) {
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
	}

	private static int single(InputStream in, byte[] buffer) throws IOException {
		int b = in.read();
		if (b < 0) {
			return -1;
		}
		buffer[0] = (byte) b;
		return 1;
	}

	private static byte[] hex(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
		}
		return bytes;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
