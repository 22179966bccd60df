package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.Multipart;
import org.valise.intake.NoteDocuments;
import org.valise.platform.fuzz.Bombs;
import org.valise.platform.fuzz.MalformedInputs;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unique canary in the text of a note appears in no log line at INFO and in no error response, whatever intake
 * refuses the note for — malformed bytes, wrong types, unknown fields, broken JSON around it, files it cannot read
 * or that go over a limit — nor in the log of a note it accepts.
 */
@IntakeBrokerTest
@ExtendWith(OutputCaptureExtension.class)
class CanaryTests {

	private static final String CANARY = "canary" + UUID.randomUUID().toString().replace("-", "");

	/** The reference note with the canary in its body (not in a field the parser reads and intake logs). */
	private static final String NOTE = SampleNotes.referenceNote()
		.replace("The Permanent Mission of the Kingdom of Cambodia would be greatly appreciated",
				"The Mission confides " + CANARY + " to the registry. "
						+ "The Permanent Mission of the Kingdom of Cambodia would be greatly appreciated");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void neverEchoesNorLogsTheTextOfANoteWhateverTheRefusal(CapturedOutput output) throws Exception {
		assertThat(NOTE).contains(CANARY);
		String text = this.json.writeValueAsString(NOTE);
		Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();

		refused.put("text not UTF-8", text(concat(utf8(NOTE), new byte[] { (byte) 0xC0, (byte) 0xAF })));
		refused.put("text with NUL", text(utf8(NOTE.replace(CANARY, CANARY + "\u0000"))));
		refused.put("text in Latin-1", post("/api/v1/notes", "text/plain; charset=ISO-8859-1", utf8(NOTE)));
		refused.put("text too large", text(utf8(NOTE.repeat(1_100_000 / NOTE.length() + 1))));
		refused.put("text with a bad key", post("/api/v1/notes", "text/plain", utf8(NOTE), "key with spaces"));
		refused.put("parse not UTF-8", post("/api/v1/notes/parse", "text/plain", concat(utf8(NOTE), new byte[] { (byte) 0xFF })));
		refused.put("json sender a number", json("{\"sender\": 42, \"text\": " + text + "}"));
		refused.put("json text with NUL", json("{\"text\": " + text.replace(CANARY, CANARY + "\\u0000") + "}"));
		refused.put("json text with lone surrogate", json("{\"text\": " + text.replace(CANARY, CANARY + "\\ud800") + "}"));
		refused.put("json canary unquoted", json("{\"sender\": \"A\", \"text\": " + CANARY + "}"));
		refused.put("json canary as a date", json("{\"sender\": \"A\", \"date\": \"" + CANARY + "\"}"));
		refused.put("json canary as a boolean", json("{\"sender\": \"A\", \"confidential\": \"" + CANARY + "\"}"));
		refused.put("json canary as an enclosure", json("{\"sender\": \"A\", \"enclosures\": [\"" + CANARY + "\"]}"));
		refused.put("json canary as a document type", json("{\"sender\": \"A\", \"docType\": \"" + CANARY + "\"}"));
		refused.put("json sender too long", json("{\"sender\": \"" + CANARY.repeat(20) + "\"}"));
		refused.put("json unknown field", json("{\"text\": " + text + ", \"refrence\": \"x\"}"));
		refused.put("json duplicate field", json("{\"text\": " + text + ", \"text\": " + text + "}"));
		refused.put("json truncated", json("{\"sender\": \"A\", \"text\": " + text.substring(0, text.indexOf(CANARY) + 10)));
		refused.put("json trailing", json("{\"sender\": \"A\"} " + CANARY));
		refused.put("json single quotes", json("{'text': '" + CANARY + "'}"));
		refused.put("json in UTF-16", post("/api/v1/notes", "application/json",
				("{\"text\": " + text + "}").getBytes(StandardCharsets.UTF_16)));
		refused.put("json wrong content type", post("/api/v1/notes", "application/xml", utf8("<note>" + NOTE + "</note>")));
		refused.put("file not UTF-8", upload("note.txt", "text/plain", NOTE.getBytes(StandardCharsets.UTF_16LE)));
		refused.put("file pretending to be a PDF", upload("note.pdf", "application/pdf", utf8(NOTE)));
		refused.put("file damaged PDF", upload("note.pdf", "application/pdf", concat(utf8("%PDF-1.7\n"), utf8(NOTE))));
		refused.put("file PDF of too many pages", upload("note.pdf", "application/pdf",
				concat(Bombs.pdfWithPages(200), utf8("%" + CANARY))));
		refused.put("file PDF flooding PDFBox with operands", upload("note.pdf", "application/pdf",
				concat(Bombs.pdfWithOperandFlood(8L << 20), utf8("%" + CANARY))));
		refused.put("file PDF with the canary and a bad key", post("/api/v1/notes",
				Multipart.file("note.pdf", "application/pdf", MalformedInputs.notePdf(NOTE)).contentType(),
				Multipart.file("note.pdf", "application/pdf", MalformedInputs.notePdf(NOTE)).body(), "\u00e9"));
		refused.put("file e-mail in the wrong charset", upload("note.eml", "message/rfc822", mail("UTF-8",
				NOTE.replaceAll("[^\\x00-\\xFF]", "").replace("Geneva", "Genève").getBytes(StandardCharsets.ISO_8859_1))));
		refused.put("file e-mail of too many parts", upload("note.eml", "message/rfc822",
				concat(Bombs.emailWithParts(500), utf8(NOTE))));
		refused.put("file of an unsupported kind", upload("note.docx", "application/msword",
				concat(new byte[] { 'P', 'K', 3, 4 }, utf8(NOTE))));
		refused.put("file in the wrong part", post("/api/v1/notes", Multipart.of("document", "note.txt", "text/plain",
				utf8(NOTE)).contentType(), Multipart.of("document", "note.txt", "text/plain", utf8(NOTE)).body()));
		HttpResponse<String> accepted = text(utf8(NOTE));

		List<String> leaks = new ArrayList<>();
		refused.forEach((refusal, response) -> {
			assertThat(response.statusCode()).as(refusal + ": " + response.body()).isBetween(400, 499);
			if (response.body().contains(CANARY)) {
				leaks.add(refusal + ": " + response.body());
			}
		});
		assertThat(leaks).as("responses quoting the note").isEmpty();
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(output.getAll()).as("the log at INFO").doesNotContain(CANARY);
	}

	private static byte[] mail(String charset, byte[] body) {
		return concat(utf8("From: registry@example.org\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="
				+ charset + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"), body);
	}

	private HttpResponse<String> text(byte[] body) throws Exception {
		return post("/api/v1/notes", "text/plain", body);
	}

	private HttpResponse<String> json(String body) throws Exception {
		return post("/api/v1/notes", "application/json", utf8(body));
	}

	private HttpResponse<String> upload(String fileName, String contentType, byte[] content) throws Exception {
		Multipart upload = Multipart.file(fileName, contentType, content);
		return post("/api/v1/notes", upload.contentType(), upload.body());
	}

	private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
		return post(path, contentType, body, null);
	}

	private HttpResponse<String> post(String path, String contentType, byte[] body, String idempotencyKey)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
