package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.Multipart;
import org.valise.intake.NoteDocuments;
import org.valise.platform.fuzz.Bombs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the issue measured on the running system, sent again over HTTP: junk that got a registry number now gets a
 * problem naming the field at fault, in every format — text, JSON, files — and bombs get a 413 naming the limit.
 */
@IntakeBrokerTest
class HostileInputTests {

	private static final String NOTE = SampleNotes.referenceNote();

	/** The bytes of the issue: a UTF-16 byte order mark, a NUL, and ASCII. */
	private static final byte[] GARBAGE = { (byte) 0xFF, (byte) 0xFE, 0, 'g', 'a', 'r', 'b', 'a', 'g', 'e' };

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void refusesBytesThatAreNotUtf8AsTextInsteadOfNumberingThem() throws Exception {
		assertProblem(post("/api/v1/notes", "text/plain", GARBAGE), 400, "invalid-note", "body",
				"is not valid UTF-8 (invalid byte 0xFF at offset 0)");
		assertProblem(post("/api/v1/notes", "text/plain; charset=UTF-8", concat(NoteDocuments.utf8(NOTE), GARBAGE)),
				400, "invalid-note", "body", "is not valid UTF-8");
		assertProblem(post("/api/v1/notes/parse", "text/plain", GARBAGE), 400, "invalid-note", "body", "UTF-8");
	}

	@Test
	void refusesTheSameBytesAsAFileAsBefore() throws Exception {
		Multipart upload = Multipart.file("garbage.txt", "text/plain", GARBAGE);

		assertProblem(post("/api/v1/notes", upload.contentType(), upload.body()), 400, "invalid-note", "file",
				"'garbage.txt' is not valid UTF-8");
	}

	@Test
	void refusesANulInTextAndInJson() throws Exception {
		assertProblem(post("/api/v1/notes", "text/plain", NoteDocuments.utf8("No. 12/2024\u0000 The Mission")), 400,
				"invalid-note", "body", "contains a NUL byte (at offset 11)");
		assertProblem(postJson("{\"sender\": \"Mission\", \"text\": \"No. 12/2024\\u0000\"}"), 400, "unreadable-body",
				"text", "contains a NUL character (at character 12)");
	}

	@Test
	void refusesACharsetOtherThanUtf8() throws Exception {
		assertProblem(post("/api/v1/notes", "text/plain; charset=ISO-8859-1",
				"Genève, le 17 octobre 2019".getBytes(StandardCharsets.ISO_8859_1)), 415, "unsupported-media-type",
				"Content-Type", "charset other than UTF-8");
		assertProblem(post("/api/v1/notes", "application/json; charset=UTF-16",
				"{\"sender\": \"Mission\"}".getBytes(StandardCharsets.UTF_16)), 415, "unsupported-media-type",
				"Content-Type", "send the note in UTF-8");
	}

	@Test
	void refusesJsonInUtf16EvenWithoutACharset() throws Exception {
		assertProblem(post("/api/v1/notes", "application/json", "{\"sender\": \"Mission\"}".getBytes(StandardCharsets.UTF_16LE)),
				400, "invalid-note", "body", "contains a NUL byte");
	}

	@Test
	void refusesANumberWhereTheSenderIsExpectedInsteadOfCoercingIt() throws Exception {
		assertProblem(postJson("{\"reference\": null, \"sender\": 42}"), 400, "unreadable-body", "sender",
				"field sender: must be a JSON string, not a number");
	}

	@Test
	void refusesAStringWhereABooleanIsExpected() throws Exception {
		assertProblem(postJson("{\"sender\": \"Mission\", \"confidential\": \"yes\"}"), 400, "unreadable-body",
				"confidential", "must be true or false, not a string");
	}

	@Test
	void refusesAFieldItDoesNotKnowRatherThanDropIt() throws Exception {
		assertProblem(postJson("{\"sender\": \"Mission\", \"refrence\": \"12/2024\"}"), 400, "unreadable-body",
				"refrence", "is not a known field");
	}

	@Test
	void stillAcceptsUtf8TextWithOrWithoutACharset() throws Exception {
		assertThat(post("/api/v1/notes", "text/plain", NoteDocuments.utf8(NOTE)).statusCode()).isEqualTo(202);
		assertThat(post("/api/v1/notes", "text/plain;charset=utf-8", NoteDocuments.utf8(NOTE)).statusCode()).isEqualTo(202);
		assertThat(postJson("{\"sender\": \"Mission permanente de la République\", \"date\": \"2021-01-28\"}")
			.statusCode()).isEqualTo(202);
	}

	@Test
	void refusesPdfBombsNamingTheLimit() throws Exception {
		assertProblem(upload("pages.pdf", "application/pdf", Bombs.pdfWithPages(5000)), 413, "file-over-limit", "file",
				"has more than 100 pages");
		HttpResponse<String> flate = upload("flate.pdf", "application/pdf", Bombs.pdfInflatingTo(256L << 20, 1));
		assertProblem(flate, 413, "file-over-limit", "file", "decodes to more than 15 MB");
		assertThat(this.json.readTree(flate.body()).get("limit").asString()).isEqualTo("pdf-decoded-size");
	}

	@Test
	void refusesEmailBombsNamingTheLimit() throws Exception {
		HttpResponse<String> parts = upload("parts.eml", "message/rfc822", Bombs.emailWithParts(5000));
		assertProblem(parts, 413, "file-over-limit", "file", "more than 100 MIME parts");
		assertThat(this.json.readTree(parts.body()).get("limit").asString()).isEqualTo("mail-parts");
		assertProblem(upload("nested.eml", "message/rfc822", Bombs.emailWithNestedMessages(50)), 413, "file-over-limit",
				"file", "more than 5 deep");
	}

	private void assertProblem(HttpResponse<String> response, int status, String type, String field, String mention) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://valise.org/problems/" + type);
		assertThat(problem.get("detail").asString()).contains(mention);
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private HttpResponse<String> upload(String fileName, String contentType, byte[] content) throws Exception {
		Multipart upload = Multipart.file(fileName, contentType, content);
		return post("/api/v1/notes", upload.contentType(), upload.body());
	}

	private HttpResponse<String> postJson(String body) throws Exception {
		return post("/api/v1/notes", "application/json", NoteDocuments.utf8(body));
	}

	private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
