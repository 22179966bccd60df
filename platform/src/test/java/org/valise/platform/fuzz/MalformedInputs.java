package org.valise.platform.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded, deterministic source of malformed inputs for a fuzz test: the same seed gives the same inputs in the
 * same order. A service gives it examples of what it accepts (texts, JSON documents) and gets them broken every way
 * an attacker would: random bytes, invalid UTF-8, NUL and UTF-16, broken, type-confused, deeply nested and duplicate
 * -keyed JSON, bad escapes, huge fields, wrong and missing content types, odd file names and kinds, damaged PDFs and
 * e-mails, odd multipart bodies, and now and then a {@linkplain Bombs bomb}.
 * <p>
 * {@link #body()} is for endpoints that take {@code text/plain} or {@code application/json}, {@link #upload()} for a
 * file part, {@link #multipart(String)} for a whole {@code multipart/form-data} body (send it over a real HTTP
 * connection: in-process test clients do not parse multipart bodies), {@link #bomb()} for a bomb alone.
 */
public final class MalformedInputs {

	/** Content types a client may get wrong: missing, foreign, malformed, or with a charset that is not UTF-8. */
	static final List<String> ODD_CONTENT_TYPES = List.of("", "application/xml", "text/html", "application/octet-stream",
			"application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
			"text/plain; charset=UTF-16", "text/plain; charset=ISO-8859-1", "text/plain; charset=nonsense",
			"application/json; charset=UTF-16BE", "application/json; charset=windows-1252", "text/*", "*/*", "a/b/c",
			"text/plain; charset=\"utf-8\"; charset=latin1", "application/json;;;", "TEXT/PLAIN", "text/plain\u0000",
			"application/" + "x".repeat(2000), "application/problem+json", "application/json-seq", "text/csv");

	private static final List<String> FILE_NAMES = List.of("note.txt", "note.pdf", "note.eml", "note", "note.TXT",
			"../../../etc/passwd", "..\\..\\windows\\win.ini", "note.txt\u0000.exe", "note\r\nX-Injected: 1.txt",
			"\u202Etxt.exe", "note.docx", "note.pdf.txt", " .txt", ".eml", "x".repeat(4000) + ".txt", "noté ✉ 外交.txt",
			"%2e%2e%2fnote.txt", "con.txt", "note.txt;.pdf");

	private static final List<String> FILE_TYPES = List.of("text/plain", "application/pdf", "message/rfc822",
			"application/octet-stream", "text/plain; charset=UTF-16", "text/plain; charset=ISO-8859-1", "image/png",
			"application/json", "text/html", "", "garbage", "multipart/mixed; boundary=x");

	private final SplittableRandom random;

	private final List<String> texts;

	private final List<String> jsonExamples;

	private final List<String> fields;

	/**
	 * @param seed the seed: the same one gives the same inputs
	 * @param texts examples of text the service accepts (e.g. notes), to break
	 * @param jsonExamples examples of JSON objects the service accepts, to break
	 */
	public MalformedInputs(long seed, List<String> texts, List<String> jsonExamples) {
		if (texts.isEmpty() || jsonExamples.isEmpty()) {
			throw new IllegalArgumentException("Give at least one text and one JSON example to break");
		}
		this.random = new SplittableRandom(seed);
		this.texts = List.copyOf(texts);
		this.jsonExamples = List.copyOf(jsonExamples);
		this.fields = jsonExamples.stream().flatMap((json) -> Json.fieldNames(json).stream()).distinct().toList();
	}

	// Bodies

	/** A malformed body for an endpoint taking {@code text/plain} or {@code application/json}. */
	public Malformed body() {
		return switch (this.random.nextInt(18)) {
			case 0 -> Malformed.body("random-bytes", pick("text/plain", "application/json", oddContentType()),
					randomBytes(this.random.nextInt(10) == 0 ? 65536 : 2048));
			case 1 -> Malformed.body("invalid-utf8", "text/plain", invalidUtf8(text()));
			case 2 -> Malformed.body("nul", pick("text/plain", "text/plain; charset=UTF-8"), withNul(text()));
			case 3 -> Malformed.body("utf16", pick("text/plain", "text/plain; charset=UTF-16", "application/json"),
					utf16(this.random.nextBoolean() ? text() : json()));
			case 4 -> Malformed.body("control-characters", "text/plain", utf8(withControlCharacters(text())));
			case 5 -> Malformed.body("broken-json", "application/json", utf8(brokenJson()));
			case 6 -> Malformed.body("wrong-types", "application/json", utf8(wrongTypes()));
			case 7 -> Malformed.body("unknown-or-duplicate-fields", "application/json", utf8(unknownOrDuplicateFields()));
			case 8 -> Malformed.body("bad-escapes", "application/json", utf8(badEscapes()));
			case 9 -> Malformed.body("deep-json", "application/json",
					Bombs.jsonNested(pickInt(64, 600, 5000, 100_000), this.random.nextBoolean() ? null : field()));
			case 10 -> (this.random.nextInt(8) == 0) ? hugeField()
					: Malformed.body("wrong-types", "application/json", utf8(wrongTypes()));
			case 11 -> Malformed.body("invalid-utf8-in-json", "application/json", invalidUtf8(json()));
			case 12 -> Malformed.body("odd-content-type", oddContentType(),
					utf8(this.random.nextBoolean() ? text() : json()));
			case 13 -> Malformed.body("empty", pick("text/plain", "application/json"),
					utf8(pick("", " ", "\r\n\t", "\u00a0", "\ufeff")));
			case 14 -> Malformed.body("json-not-an-object", "application/json",
					utf8(pick("null", "[]", "\"note\"", "42", "true", "[{}]", "{}", "-0", "1e999999")));
			case 15 -> Malformed.body("truncated", pick("text/plain", "application/json"),
					truncated(utf8(this.random.nextBoolean() ? text() : json())));
			case 16 -> Malformed.body("mutated", pick("text/plain", "application/json"),
					mutated(utf8(this.random.nextBoolean() ? text() : json())));
			default -> Malformed.body("log-injection", pick("text/plain", "application/json"), utf8(logInjection()));
		};
	}

	/** Random bytes, up to that many. */
	public byte[] randomBytes(int maxLength) {
		byte[] bytes = new byte[this.random.nextInt(maxLength + 1)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/** The text in UTF-8 with malformed sequences put in: lone continuation bytes, overlong forms, surrogates, … */
	public byte[] invalidUtf8(String text) {
		byte[][] malformed = { { (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
				{ (byte) 0xFF }, { (byte) 0xFE }, { (byte) 0xFF, (byte) 0xFE, 0, 'g', 'a', 'r', 'b', 'a', 'g', 'e' },
				{ (byte) 0xC3 }, { (byte) 0xE2, (byte) 0x82 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 } };
		byte[] bytes = utf8(text);
		int at = (bytes.length == 0) ? 0 : this.random.nextInt(bytes.length + 1);
		if (this.random.nextInt(4) == 0) {
			at = bytes.length; // at the very end: the decoder must notice the stream ends mid-character
		}
		return splice(bytes, at, malformed[this.random.nextInt(malformed.length)]);
	}

	/** The text in UTF-8 with a NUL put in. */
	public byte[] withNul(String text) {
		byte[] bytes = utf8(text);
		return splice(bytes, this.random.nextInt(bytes.length + 1), new byte[] { 0 });
	}

	/** The text in UTF-16, with or without a byte order mark, either byte order. */
	public byte[] utf16(String text) {
		return text.getBytes(pick(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE));
	}

	/** The text with control characters, terminal escapes, bidi overrides and line separators put in. */
	public String withControlCharacters(String text) {
		String[] controls = { "\u001b[31m", "\u001b]0;pwned\u0007", "\r", "\u0008\u0008\u0008", "\u2028", "\u2029",
				"\u202e", "\u0085", "\u007f", "\u000b\u000c", "\ufffe", "\uffff" };
		return insert(text, controls[this.random.nextInt(controls.length)]);
	}

	/** Text that would forge a log line if logged as is. */
	public String logInjection() {
		String forged = pick("\r\n2026-01-01T00:00:00.000Z  INFO 1 --- [main] o.v.Forged : Accepted note forged",
				"\n\u001b[2J\u001b[H", "\r\nERROR Intrusion detected, shutting down", "\u2028FORGED LINE");
		if (this.random.nextBoolean()) {
			return insert(text(), forged);
		}
		return Json.replaceValue(json(), field(), Json.quote("ref" + forged));
	}

	// JSON

	/** A JSON example broken as a hand or a bug would break it. */
	public String brokenJson() {
		String json = json();
		return switch (this.random.nextInt(12)) {
			case 0 -> json.substring(0, this.random.nextInt(json.length()));
			case 1 -> json + pick("}", "]", ",", "x", "{}", " // trailing", "\u0000");
			case 2 -> json.replaceFirst("\"", "'");
			case 3 -> json.replaceFirst(":", "");
			case 4 -> json.replaceFirst(",", ",,");
			case 5 -> json.replaceFirst("\\{", "{/* comment */");
			case 6 -> json.replaceFirst("\"([A-Za-z]+)\":", "$1:");
			case 7 -> Json.replaceValue(json, field(), pick("NaN", "Infinity", "undefined", "0x1F", "01", "+1", ".5",
					"1.", "tru", "nul", "--1", "1e", "\"\\", "'single'"));
			case 8 -> json.replace("}", "]");
			case 9 -> "\ufeff\ufeff" + json;
			case 10 -> json.replaceFirst("\"", "\"\n");
			default -> new StringBuilder(json).reverse().toString();
		};
	}

	/** A JSON example with a field of the wrong type: a number for a string, a string for a boolean, … */
	public String wrongTypes() {
		String value = pick("42", "-1.5e300", "true", "false", "\"true\"", "\"42\"", "[]", "[\"a\"]", "{}", "{\"a\":1}",
				"null", "\"\"", "[[[]]]", "123456789012345678901234567890", "[2021,1,28]", "20210128", "\"2021-02-30\"",
				"\"28 January 2021\"", "0");
		String json = Json.replaceValue(json(), field(), value);
		return this.random.nextInt(4) == 0 ? Json.replaceValue(json, field(), pick("1", "false", "{}")) : json;
	}

	/** A JSON example with a field it does not know, a misspelt one, or one of its fields twice. */
	public String unknownOrDuplicateFields() {
		String json = json();
		String field = field();
		return switch (this.random.nextInt(4)) {
			case 0 -> json.replaceFirst("\\{", "{\"" + field + "\": \"first\", ");
			case 1 -> json.replaceFirst("\\{", "{\"" + field.substring(0, Math.max(1, field.length() - 1)) + "\": \"x\", ");
			case 2 -> json.replaceFirst("\\{", "{\"__proto__\": {\"admin\": true}, \"@class\": \"java.lang.Runtime\", ");
			default -> json.replaceFirst("\\{", "{\"" + "f".repeat(this.random.nextInt(1, 5000)) + "\": 1, ");
		};
	}

	/** A JSON example with escapes that are not text: {@code \u0000}, lone surrogates, invalid escapes. */
	public String badEscapes() {
		String escape = pick("\\u0000", "\\ud800", "\\udfff", "\\ud800\\u0041", "\\udc00\\ud800", "\\x41", "\\u12",
				"\\uZZZZ", "\\", "\\u0000\\u0000", "\\uFEFF", "\\u001b[31m", "\\r\\nforged");
		return Json.replaceValue(json(), field(), "\"before" + escape + "after\"");
	}

	/** A body with one huge field (or a huge text): well under, just under, just over and far over 1 MB. */
	public Malformed hugeField() {
		int size = pickInt(100_000, 1_048_000, 1_048_577, 1_100_000, 4_000_000);
		if (this.random.nextBoolean()) {
			StringBuilder text = new StringBuilder(size);
			while (text.length() < size) {
				text.append(text()).append('\n');
			}
			return Malformed.body("huge-text", "text/plain", utf8(text.substring(0, size)));
		}
		String value = "\"" + "A".repeat(size) + "\"";
		return Malformed.body("huge-field", "application/json", utf8(Json.replaceValue(json(), field(), value)));
	}

	// Files

	/** A malformed file to upload: its content, name and declared type all may be wrong. */
	public Malformed upload() {
		String name = pick(FILE_NAMES);
		String type = pick(FILE_TYPES);
		return switch (this.random.nextInt(16)) {
			case 0 -> Malformed.file("random-file", name, type, randomBytes(4096));
			case 1 -> Malformed.file("invalid-utf8-file", pick("note.txt", "note"), pick("text/plain", ""),
					invalidUtf8(text()));
			case 2 -> this.random.nextBoolean() ? Malformed.file("nul-file", "note.txt", "text/plain", withNul(text()))
					: Malformed.file("nul-in-pdf-text", "note.pdf", "application/pdf",
							notePdfReadingTildeAs(text().replaceFirst(" ", "~"), 0));
			case 3 -> Malformed.file("utf16-file", "note.txt", pick("text/plain", "text/plain; charset=UTF-16"),
					utf16(text()));
			case 4 -> Malformed.file("fake-pdf", "note.pdf", "application/pdf",
					splice(RawPdf.ascii("%PDF-1.7\n"), 9, randomBytes(2048)));
			case 5 -> Malformed.file("truncated-pdf", "note.pdf", "application/pdf", truncated(notePdf(text())));
			case 6 -> Malformed.file("mutated-pdf", "note.pdf", pick("application/pdf", ""), mutated(notePdf(text())));
			case 7 -> Malformed.file("mislabelled-pdf", pick("note.txt", "note.eml", "note"), type, notePdf(text()));
			case 8 -> Malformed.file("broken-email", "note.eml", pick("message/rfc822", ""), brokenEmail());
			case 9 -> Malformed.file("mutated-email", "note.eml", "message/rfc822", mutated(email(text())));
			case 10 -> Malformed.file("email-charset-lie", "note.eml", "message/rfc822", emailCharsetLie());
			case 11 -> Malformed.file("odd-name", name, "text/plain", utf8(text()));
			case 12 -> Malformed.file("odd-type", "note.txt", type, utf8(text()));
			case 13 -> Malformed.file("empty-file", pick("note.txt", "note.pdf", "note.eml", null), type, new byte[0]);
			case 14 -> Malformed.file("image", pick("scan.png", "note.pdf", "note.txt"), type,
					splice(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 8, randomBytes(512)));
			default -> this.random.nextInt(8) == 0 ? bomb() : Malformed.file("email-nul", "note.eml", "message/rfc822",
					email(text().replaceFirst(" ", "\u0000 ")));
		};
	}

	/** A bomb: small on the wire, large once read. */
	public Malformed bomb() {
		return switch (this.random.nextInt(16)) {
			case 0 -> Malformed.file("pdf-pages", "pages.pdf", "application/pdf", Bombs.pdfWithPages(pickInt(150, 2000, 5000)));
			case 1 -> Malformed.file("pdf-lying-page-count", "pages.pdf", "application/pdf", Bombs.pdfWithLyingPageCount(3000));
			case 2 -> Malformed.file("pdf-inflating", "flate.pdf", "application/pdf",
					Bombs.pdfInflatingTo(pickLong(64L, 256L) << 20, 1));
			case 3 -> Malformed.file("pdf-inflating-twice", "flate.pdf", "application/pdf",
					Bombs.pdfInflatingTo(1L << 30, 2));
			case 4 -> this.random.nextBoolean()
					? Malformed.file("pdf-text-inflating", "text.pdf", "application/pdf", Bombs.pdfWithTextInflatingTo(64L << 20))
					: Malformed.file("pdf-operand-flood", "operands.pdf", "application/pdf", Bombs.pdfWithOperandFlood(256L << 20));
			case 5 -> Malformed.file("pdf-font-inflating", "font.pdf", "application/pdf", Bombs.pdfWithFontInflatingTo(128L << 20));
			case 6 -> Malformed.file("pdf-self-drawing-form", "forms.pdf", "application/pdf",
					Bombs.pdfWithSelfDrawingForm(pickInt(2, 10)));
			case 7 -> Malformed.file("pdf-absurd-predictor", "predictor.pdf", "application/pdf", Bombs.pdfWithAbsurdPredictor());
			case 8 -> Malformed.file("pdf-image-codec", "codec.pdf", "application/pdf",
					Bombs.pdfWithImageCodecOnContents(this.random.nextBoolean()));
			case 9 -> Malformed.file("pdf-nested", "nested.pdf", "application/pdf", Bombs.pdfWithNestedArrays(pickInt(1000, 100_000)));
			case 10 -> Malformed.file("pdf-page-tree-cycle", "cycle.pdf", "application/pdf", Bombs.pdfWithPageTreeCycle());
			case 11 -> Malformed.file("email-parts", "parts.eml", "message/rfc822", Bombs.emailWithParts(pickInt(150, 5000, 30_000)));
			case 12 -> Malformed.file("email-nested-multiparts", "nested.eml", "message/rfc822",
					Bombs.emailWithNestedMultiparts(pickInt(10, 1000, 10_000)));
			case 13 -> Malformed.file("email-nested-messages", "nested.eml", "message/rfc822",
					Bombs.emailWithNestedMessages(pickInt(10, 1000)));
			case 14 -> Malformed.file("email-pdf-bombs", "attached.eml", "message/rfc822", Bombs.emailWithAttachments(
					pickInt(3, 50), "flate.pdf", "application/pdf", Bombs.pdfInflatingTo(16L << 20, 2)));
			default -> Malformed.body("json-nested", "application/json", Bombs.jsonNested(pickInt(10_000, 200_000), null));
		};
	}

	// Multipart

	/**
	 * A whole {@code multipart/form-data} body with odd parts: the file in the named part or elsewhere, twice, without
	 * a disposition, with a boundary that does not match, without its closing delimiter, with huge headers, …
	 * @param field the name of the part the service reads (e.g. {@code file})
	 */
	public Malformed multipart(String field) {
		String boundary = "fuzz" + Long.toHexString(this.random.nextLong());
		Malformed file = upload();
		byte[] content = file.body();
		String type = "multipart/form-data; boundary=" + boundary;
		Multipart body = new Multipart(boundary);
		return switch (this.random.nextInt(12)) {
			case 0 -> Malformed.body("multipart-" + file.kind(), type, body.part(field, file.fileName(), file.contentType(), content).end());
			case 1 -> Malformed.body("multipart-other-part", type, body.part("document", "note.txt", "text/plain", content).end());
			case 2 -> Malformed.body("multipart-twice", type, body.part(field, "a.txt", "text/plain", utf8(text()))
				.part(field, file.fileName(), file.contentType(), content).end());
			case 3 -> Malformed.body("multipart-no-disposition", type, body.raw("Content-Type: text/plain\r\n\r\n", content).end());
			case 4 -> Malformed.body("multipart-wrong-boundary", "multipart/form-data; boundary=other",
					body.part(field, "note.txt", "text/plain", content).end());
			case 5 -> Malformed.body("multipart-no-end", type, body.part(field, "note.txt", "text/plain", content).bytes());
			case 6 -> Malformed.body("multipart-no-boundary", "multipart/form-data",
					body.part(field, "note.txt", "text/plain", content).end());
			case 7 -> Malformed.body("multipart-huge-header", type, body.raw("Content-Disposition: form-data; name=\""
					+ field + "\"; filename=\"" + "n".repeat(pickInt(10_000, 100_000)) + ".txt\"\r\n\r\n", content).end());
			case 8 -> {
				int parts = pickInt(100, 2000);
				for (int i = 0; i < parts; i++) {
					body.part("p" + i, null, null, RawPdf.ascii("x"));
				}
				yield Malformed.body("multipart-many-parts", type, body.part(field, "note.txt", "text/plain", content).end());
			}
			case 9 -> Malformed.body("multipart-lf-only", type, RawPdf.ascii(new String(
					body.part(field, "note.txt", "text/plain", utf8(text())).end(), StandardCharsets.ISO_8859_1)
				.replace("\r\n", "\n")));
			case 10 -> Malformed.body("multipart-encoded-name", type, body.raw("Content-Disposition: form-data; name=\""
					+ field + "\"; filename*=UTF-8''%E2%80%AE%00..%2F..%2Fnote.txt\r\nContent-Type: text/plain\r\n\r\n",
					content).end());
			default -> Malformed.body("multipart-garbage", type, randomBytes(4096));
		};
	}

	// Documents to break

	/** A one-page PDF whose text layer is the text (its ASCII characters), as a word processor would make it. */
	public static byte[] notePdf(String text) {
		return notePdf(text, null);
	}

	/**
	 * The same PDF, but its font's ToUnicode map reads {@code ~} as that code point: the text a reader extracts holds
	 * what the page does not show (a NUL, a control character).
	 */
	public static byte[] notePdfReadingTildeAs(String text, int codePoint) {
		return notePdf(text, String.format("%04X", codePoint));
	}

	private static byte[] notePdf(String text, String tildeAs) {
		RawPdf pdf = new RawPdf();
		int catalog = pdf.reserve();
		int pages = pdf.reserve();
		String toUnicode = "";
		if (tildeAs != null) {
			int cmap = pdf.addStream("", RawPdf.ascii("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
					+ "/CMapName /Tilde def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange\n"
					+ "1 beginbfchar <7E> <" + tildeAs + "> endbfchar\n"
					+ "1 beginbfrange <20> <7D> <0020> endbfrange\n"
					+ "endcmap CMapName currentdict /CMap defineresource pop end end"));
			toUnicode = " /ToUnicode " + cmap + " 0 R";
		}
		int font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding" + toUnicode
				+ " >>");
		StringBuilder content = new StringBuilder("BT /F1 10 Tf 12 TL 50 800 Td\n");
		for (String line : text.split("\n", 60)) {
			String ascii = line.replaceAll("[^ -~]", "").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
			content.append('(').append(ascii, 0, Math.min(ascii.length(), 100)).append(") Tj T*\n");
		}
		int contents = pdf.addStream("", RawPdf.ascii(content.append("ET").toString()));
		int page = pdf.add("<< /Type /Page /Parent " + pages + " 0 R /MediaBox [0 0 595 842] /Contents " + contents
				+ " 0 R /Resources << /Font << /F1 " + font + " 0 R >> >> >>");
		pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
		pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
		return pdf.build(catalog);
	}

	/** An e-mail whose text/plain body is the text, in UTF-8 (quoted-printable). */
	public static byte[] email(String text) {
		StringBuilder mail = new StringBuilder("From: registry@example.org\r\nTo: intake@example.org\r\nSubject: Note\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
		mail.append(java.util.Base64.getMimeEncoder().encodeToString(utf8(text))).append("\r\n");
		return RawPdf.ascii(mail.toString());
	}

	private byte[] brokenEmail() {
		String text = text();
		return RawPdf.ascii(switch (this.random.nextInt(6)) {
			case 0 -> "From: x\r\nContent-Type: multipart/mixed\r\n\r\n--\r\n" + ascii(text);
			case 1 -> "From: x\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
					+ ascii(text);
			case 2 -> "From: x\r\nContent-Transfer-Encoding: base64\r\nContent-Type: text/plain\r\n\r\n!!!not base64!!!\r\n";
			case 3 -> "From: x\r\nContent-Type: text/plain; charset=\"\u0000\"\r\n\r\n" + ascii(text);
			case 4 -> "From: " + "x".repeat(200_000) + "\r\n\r\nbody";
			default -> "From: x\r\nContent-Type: message/rfc822\r\n\r\nFrom: y\r\nContent-Type: message/rfc822\r\n\r\n";
		});
	}

	/** An e-mail that declares UTF-8 and carries Latin-1, or declares a charset no one knows. */
	private byte[] emailCharsetLie() {
		String charset = pick("UTF-8", "x-unknown", "UTF-7", "");
		ByteArrayOutputStream mail = new ByteArrayOutputStream();
		mail.writeBytes(RawPdf.ascii("From: x@example.org\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="
				+ charset + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"));
		mail.writeBytes((text() + " Genève, café").getBytes(StandardCharsets.ISO_8859_1));
		return mail.toByteArray();
	}

	// Helpers

	private String text() {
		return pick(this.texts);
	}

	private String json() {
		return pick(this.jsonExamples);
	}

	private String field() {
		return this.fields.isEmpty() ? "field" : pick(this.fields);
	}

	private String oddContentType() {
		return pick(ODD_CONTENT_TYPES);
	}

	private byte[] truncated(byte[] bytes) {
		return java.util.Arrays.copyOf(bytes, (bytes.length == 0) ? 0 : this.random.nextInt(bytes.length));
	}

	/** A few bytes flipped, dropped or doubled. */
	private byte[] mutated(byte[] bytes) {
		byte[] copy = bytes.clone();
		for (int i = 0, n = this.random.nextInt(1, 9); i < n && copy.length > 0; i++) {
			copy[this.random.nextInt(copy.length)] = (byte) this.random.nextInt(256);
		}
		return copy;
	}

	private String insert(String text, String inserted) {
		int at = this.random.nextInt(text.length() + 1);
		return text.substring(0, at) + inserted + text.substring(at);
	}

	private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
		byte[] out = new byte[bytes.length + inserted.length];
		System.arraycopy(bytes, 0, out, 0, at);
		System.arraycopy(inserted, 0, out, at, inserted.length);
		System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
		return out;
	}

	private static String ascii(String text) {
		return text.replaceAll("[^\\x20-\\x7E\\r\\n]", "?");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	private int pickInt(int... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private long pickLong(long... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	/** A multipart/form-data body, part by part. */
	private static final class Multipart {

		private final String boundary;

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Multipart(String boundary) {
			this.boundary = boundary;
		}

		Multipart part(String name, String fileName, String contentType, byte[] content) {
			StringBuilder headers = new StringBuilder("Content-Disposition: form-data; name=\"").append(name).append('"');
			if (fileName != null) {
				headers.append("; filename=\"").append(fileName.replace("\"", "%22")).append('"');
			}
			headers.append("\r\n");
			if (contentType != null && !contentType.isEmpty()) {
				headers.append("Content-Type: ").append(contentType).append("\r\n");
			}
			return raw(headers.append("\r\n").toString(), content);
		}

		Multipart raw(String headers, byte[] content) {
			this.out.writeBytes(utf8("--" + this.boundary + "\r\n" + headers));
			this.out.writeBytes(content);
			this.out.writeBytes(RawPdf.ascii("\r\n"));
			return this;
		}

		byte[] end() {
			this.out.writeBytes(RawPdf.ascii("--" + this.boundary + "--\r\n"));
			return bytes();
		}

		byte[] bytes() {
			return this.out.toByteArray();
		}

	}

	/** Just enough JSON handling to break a document: its field names, and replacing a field's value. */
	static final class Json {

		private Json() {
		}

		static List<String> fieldNames(String json) {
			List<String> names = new ArrayList<>();
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:").matcher(json);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}

		/** The document with the field's (first) value replaced, or the field added if it has none. */
		static String replaceValue(String json, String field, String value) {
			java.util.regex.Matcher matcher = java.util.regex.Pattern
				.compile("\"" + java.util.regex.Pattern.quote(field)
						+ "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[-0-9.eE+]+|true|false|null|\\[[^\\[\\]]*\\]|\\{[^{}]*\\})")
				.matcher(json);
			if (matcher.find()) {
				return json.substring(0, matcher.start(1)) + value + json.substring(matcher.end(1));
			}
			return json.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"" + field + "\": " + value + ", "));
		}

		static String quote(String text) {
			StringBuilder out = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				if (c == '"' || c == '\\') {
					out.append('\\').append(c);
				}
				else if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
			return out.append('"').toString();
		}

	}

	/** Convenience for tests that want one kind of input many times. */
	public static <T> List<T> times(int count, Supplier<T> input) {
		List<T> inputs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			inputs.add(input.get());
		}
		return inputs;
	}

}
