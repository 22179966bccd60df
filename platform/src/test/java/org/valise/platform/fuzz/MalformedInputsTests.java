package org.valise.platform.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedInputsTests {

	private static final List<String> TEXTS = List.of("No. 2021/01/105\nThe Permanent Mission presents its compliments.");

	private static final List<String> JSON = List.of("{\"sender\": \"Mission\", \"reference\": \"12/2024\", \"confidential\": true}");

	@Test
	void givesTheSameInputsForTheSameSeed() {
		MalformedInputs first = new MalformedInputs(42, TEXTS, JSON);
		MalformedInputs second = new MalformedInputs(42, TEXTS, JSON);

		for (int i = 0; i < 500; i++) {
			Malformed a = (i % 3 == 0) ? first.body() : (i % 3 == 1) ? first.upload() : first.multipart("file");
			Malformed b = (i % 3 == 0) ? second.body() : (i % 3 == 1) ? second.upload() : second.multipart("file");
			assertThat(b.kind()).isEqualTo(a.kind());
			assertThat(b.contentType()).isEqualTo(a.contentType());
			assertThat(b.fileName()).isEqualTo(a.fileName());
			assertThat(b.body()).isEqualTo(a.body());
		}
	}

	@Test
	void breaksInputsInManyWays() {
		MalformedInputs inputs = new MalformedInputs(7, TEXTS, JSON);

		Set<String> bodies = MalformedInputs.times(2000, inputs::body).stream().map(Malformed::kind).collect(Collectors.toSet());
		Set<String> uploads = MalformedInputs.times(2000, inputs::upload).stream().map(Malformed::kind).collect(Collectors.toSet());

		assertThat(bodies).contains("random-bytes", "invalid-utf8", "nul", "utf16", "broken-json", "wrong-types",
				"unknown-or-duplicate-fields", "bad-escapes", "deep-json", "odd-content-type", "huge-field", "log-injection");
		assertThat(uploads).contains("random-file", "fake-pdf", "broken-email", "odd-name", "email-charset-lie");
	}

	@Test
	void putsMalformedUtf8IntoText() {
		MalformedInputs inputs = new MalformedInputs(1, TEXTS, JSON);

		for (int i = 0; i < 200; i++) {
			assertThat(valid(inputs.invalidUtf8(TEXTS.get(0)))).as("well-formed UTF-8").isFalse();
		}
	}

	@Test
	void makesAPdfOfThousandsOfPagesUnderAMegabyte() {
		byte[] pdf = Bombs.pdfWithPages(5000);

		assertThat(pdf.length).isLessThan(1_000_000);
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.7").contains("/Count 5000")
			.endsWith("%%EOF\n");
		assertThat(occurrences(pdf, "/Type /Page ")).isEqualTo(5000);
	}

	@Test
	void makesAStreamThatInflatesAThousandFoldFromAFewBlocks() throws Exception {
		byte[] zlib = Bombs.zlib(" ".getBytes(StandardCharsets.US_ASCII), 64L << 20);

		assertThat(zlib.length).isLessThan(100_000);
		assertThat(inflatedLength(zlib)).isEqualTo(64L << 20);
	}

	@Test
	void makesAPdfInflatingToAGigabyteInAFewKilobytes() {
		byte[] pdf = Bombs.pdfInflatingTo(1L << 30, 2);

		assertThat(pdf.length).isLessThan(64 * 1024);
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/Filter [/FlateDecode /FlateDecode]");
	}

	@Test
	void makesEmailsWithThousandsOfPartsOrDeepNesting() {
		assertThat(occurrences(Bombs.emailWithParts(5000), "--b\r\n")).isEqualTo(5000);
		assertThat(occurrences(Bombs.emailWithNestedMultiparts(1000), "multipart/mixed")).isEqualTo(1001);
		assertThat(occurrences(Bombs.emailWithNestedMessages(1000), "message/rfc822")).isEqualTo(1000);
	}

	@Test
	void breaksJsonFieldsByName() {
		String json = MalformedInputs.Json.replaceValue(JSON.get(0), "sender", "42");

		assertThat(json).isEqualTo("{\"sender\": 42, \"reference\": \"12/2024\", \"confidential\": true}");
		assertThat(MalformedInputs.Json.fieldNames(JSON.get(0))).containsExactly("sender", "reference", "confidential");
	}

	private static boolean valid(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
			return true;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return false;
		}
	}

	private static long inflatedLength(byte[] zlib) throws Exception {
		Inflater inflater = new Inflater();
		inflater.setInput(zlib);
		byte[] buffer = new byte[1 << 16];
		long total = 0;
		while (!inflater.finished()) {
			int n = inflater.inflate(buffer);
			if (n == 0 && inflater.needsInput()) {
				break;
			}
			total += n;
		}
		inflater.end();
		return total;
	}

	private static int occurrences(byte[] bytes, String what) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int count = 0;
		for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
			count++;
		}
		return count;
	}

}
