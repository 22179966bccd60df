package org.valise.intake.note.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.valise.contracts.EventContracts;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.Multipart;
import org.valise.intake.NoteDocuments;
import org.valise.intake.ReceivedNotes;
import org.valise.intake.parsing.Enclosure;
import org.valise.intake.parsing.NoteParser;
import org.valise.intake.parsing.ParsedNote;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Notes uploaded as files ({@code multipart/form-data}, part {@code file}): the reference note gives the same fields
 * as a .txt, a .pdf and an .eml (in the body or attached), and every file or body intake cannot take is refused with
 * a problem naming the field and the reason.
 */
@IntakeBrokerTest
class FileUploadTests {

	private static final String NOTE = SampleNotes.referenceNote();

	private static final String KHMER_LETTERHEAD = "ព្រះរាជាណាចក្រកម្ពុជា";

	private static final String COVER = """
			Dear colleagues,

			Please find attached a note verbale of the Permanent Mission of Cambodia for your kind attention.

			Best regards,
			Registry of the Permanent Mission
			""";

	/**
	 * Over the default limit of 960 KB (and the record limit of 1 MiB), under Tomcat's 2 MB of body it reads and
	 * discards after an early answer.
	 */
	private static final int OVERSIZED = 1_200_000;

	@Autowired
	ReceivedNotes received;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	static Stream<Arguments> referenceNoteFiles() {
		byte[] pdf = NoteDocuments.pdf(NOTE);
		return Stream.of(arguments("NV-2021-01-105.txt", "text/plain", NoteDocuments.utf8(NOTE), true),
				arguments("NV-2021-01-105.pdf", "application/pdf", pdf, false),
				arguments("NV-2021-01-105.eml", "message/rfc822", NoteDocuments.emailWithBody(NOTE), true),
				arguments("transmission-txt.eml", "application/octet-stream", NoteDocuments.emailWithAttachment(COVER,
						"NV-2021-01-105.txt", "text/plain; charset=UTF-8", NoteDocuments.utf8(NOTE)), true),
				arguments("transmission-pdf.eml", "message/rfc822",
						NoteDocuments.emailWithAttachment(COVER, "NV-2021-01-105.pdf", "application/pdf", pdf), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("referenceNoteFiles")
	void acceptsTheReferenceNoteUploadedAsAFileWithTheSameFieldsAsItsText(String fileName, String contentType,
			byte[] content, boolean keepsTheKhmerLetterhead) throws Exception {
		ParsedNote expected = new NoteParser().parse(NOTE);

		HttpResponse<String> response = post("/api/v1/notes", Multipart.file(fileName, contentType, content));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String noteId = this.json.readTree(response.body()).get("noteId").asString();
		assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:8083/api/v1/notes/" + noteId);
		ConsumerRecord<String, String> record = this.received.awaitRecord(noteId);
		EventContracts.load().assertHonoured(record.topic(), record.key(), record.headers(), record.value());
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("format").asString()).isEqualTo("file");
		assertThat(event.get("fileName").asString()).isEqualTo(fileName);
		JsonNode note = event.get("note");
		assertThat(note.get("reference").asString()).isEqualTo("2021/01/105").isEqualTo(expected.reference());
		assertThat(note.get("date").asString()).isEqualTo("2021-01-28").isEqualTo(expected.date().toString());
		assertThat(note.get("place").asString()).isEqualTo(expected.place());
		assertThat(note.get("sender").asString()).isEqualTo(expected.sender());
		assertThat(note.get("recipient").asString()).isEqualTo(expected.recipient());
		assertThat(note.get("recipientHead").asString()).isEqualTo(expected.recipientHead());
		assertThat(note.get("highestDestination").asBoolean()).isTrue();
		assertThat(authorsAndAddressees(note)).isNotEmpty()
			.isEqualTo(expected.enclosures().stream().map(Enclosure::author).toList().toString()
					+ expected.enclosures().stream().map(Enclosure::addressee).toList());
		assertThat(event.get("text").asString()).contains("conveyed to its highest destination");
		if (keepsTheKhmerLetterhead) {
			assertThat(event.get("text").asString()).contains(KHMER_LETTERHEAD);
			assertThat(note.get("scripts").toString()).contains("Khmer");
		}
	}

	@Test
	void acceptsANoteSentAsAFormFieldWithoutFileName() throws Exception {
		HttpResponse<String> response = post("/api/v1/notes", Multipart.file(null, null, NoteDocuments.utf8(NOTE)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String noteId = this.json.readTree(response.body()).get("noteId").asString();
		JsonNode event = this.json.readTree(this.received.awaitRecord(noteId).value());
		assertThat(event.get("format").asString()).isEqualTo("file");
		assertThat(event.get("fileName").isNull()).isTrue();
		assertThat(event.get("text").asString()).isEqualTo(NOTE);
	}

	@Test
	void namesTheRequestPartAtFaultWhenSpringRefusesTheRequest() throws Exception {
		HttpResponse<String> wrongMethod = this.http.send(request("/api/v1/notes", "text/plain")
			.PUT(HttpRequest.BodyPublishers.ofString("No. 1/2024")).build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> noToken = this.http.send(HttpRequest.newBuilder(uri("/api/v1/notes"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("No. 1/2024")).build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(wrongMethod, 405, "method", "PUT");
		assertProblem(noToken, 401, "Authorization", "Bearer");
	}

	@Test
	void parsesAnUploadedPdfWithoutPublishing() throws Exception {
		int before = this.received.all().size();

		HttpResponse<String> response = post("/api/v1/notes/parse",
				Multipart.file("NV-2021-01-105.pdf", "application/pdf", NoteDocuments.pdf(NOTE)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("reference").asString()).isEqualTo("2021/01/105");
		assertThat(this.received.all()).hasSize(before);
	}

	@Test
	void refusesATextFileThatIsNotUtf8NamingTheFile() throws Exception {
		byte[] latin1 = "Genève, le 17 octobre 2019".getBytes(StandardCharsets.ISO_8859_1);

		HttpResponse<String> response = post("/api/v1/notes", Multipart.file("note-fr.txt", "text/plain", latin1));

		assertProblem(response, 400, "file", "'note-fr.txt' is not valid UTF-8");
	}

	@Test
	void refusesAScannedPdfSayingItHasNoTextLayer() throws Exception {
		HttpResponse<String> response = post("/api/v1/notes",
				Multipart.file("scan.pdf", "application/pdf", NoteDocuments.scannedPdf()));

		assertProblem(response, 422, "file", "'scan.pdf' has no text layer");
	}

	@Test
	void refusesAnUnsupportedFileNamingTheAcceptedTypes() throws Exception {
		byte[] docx = new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 };

		HttpResponse<String> response = post("/api/v1/notes", Multipart.file("note.docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx));

		assertProblem(response, 415, "file", "'note.docx'");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("detail").asString()).contains(".txt").contains(".pdf").contains(".eml");
		assertThat(problem.get("accepted")).hasSize(3);
	}

	@Test
	void refusesAFileThatOnlyPretendsToBeAPdf() throws Exception {
		HttpResponse<String> response = post("/api/v1/notes",
				Multipart.file("note.pdf", "application/pdf", NoteDocuments.utf8(NOTE)));

		assertProblem(response, 415, "file", "does not start with %PDF-");
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		HttpResponse<String> response = post("/api/v1/notes", Multipart.file("note.txt", "text/plain", new byte[0]));

		assertProblem(response, 400, "file", "'note.txt' is empty");
	}

	@Test
	void refusesAnUploadWithoutTheFilePart() throws Exception {
		HttpResponse<String> response = post("/api/v1/notes",
				Multipart.of("document", "note.txt", "text/plain", NoteDocuments.utf8(NOTE)));

		assertProblem(response, 400, "file", "part named 'file'");
	}

	@Test
	void refusesAFileOverTheSizeLimit() throws Exception {
		HttpResponse<String> response = post("/api/v1/notes",
				Multipart.file("huge.txt", "text/plain", NoteDocuments.utf8(oversizedNote())));

		assertProblem(response, 413, "file", "960 KB");
	}

	@Test
	void refusesATextBodyOverTheSizeLimitByItsContentLength() throws Exception {
		HttpResponse<String> response = this.http.send(request("/api/v1/notes", "text/plain; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(oversizedNote())).build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 413, "body", "960 KB");
	}

	@Test
	void refusesAChunkedTextBodyOverTheSizeLimitWhileReadingIt() throws Exception {
		byte[] body = NoteDocuments.utf8(oversizedNote());

		HttpResponse<String> response = this.http.send(request("/api/v1/notes", "text/plain; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
				HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 413, "body", "960 KB");
	}

	@Test
	void refusesAJsonBodyOverTheSizeLimit() throws Exception {
		String submission = "{\"sender\": \"Mission\", \"text\": " + this.json.writeValueAsString(oversizedNote()) + "}";

		HttpResponse<String> response = this.http.send(request("/api/v1/notes", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(submission)).build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 413, "body", "960 KB");
	}

	@Test
	void refusesAnUnsupportedContentTypeNamingTheAcceptedOnes() throws Exception {
		HttpResponse<String> response = this.http.send(request("/api/v1/notes", "application/msword")
			.POST(HttpRequest.BodyPublishers.ofString("{\\rtf1}")).build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 415, "Content-Type", "application/msword is not accepted here");
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("text/plain")
			.contains("application/json")
			.contains("multipart/form-data with the note as the part 'file'");
	}

	private void assertProblem(HttpResponse<String> response, int status, String field, String mention) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).contains(mention);
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		assertThat(problem.at("/errors/0/reason").asString()).contains(mention);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private static String authorsAndAddressees(JsonNode note) {
		List<String> authors = new ArrayList<>();
		List<String> addressees = new ArrayList<>();
		note.get("enclosures").forEach((enclosure) -> {
			authors.add(enclosure.get("author").isNull() ? null : enclosure.get("author").asString());
			addressees.add(enclosure.get("addressee").isNull() ? null : enclosure.get("addressee").asString());
		});
		return authors.toString() + addressees;
	}

	private static String oversizedNote() {
		StringBuilder note = new StringBuilder(NOTE);
		while (note.length() < OVERSIZED) {
			note.append("\nThe Permanent Mission avails itself of this opportunity to renew its highest consideration.");
		}
		return note.toString();
	}

	private HttpResponse<String> post(String path, Multipart upload) throws Exception {
		return this.http.send(request(path, upload.contentType()).POST(upload.publisher()).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpRequest.Builder request(String path, String contentType) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN);
	}

}
