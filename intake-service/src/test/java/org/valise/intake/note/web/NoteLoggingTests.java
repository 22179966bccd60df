package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.Multipart;
import org.valise.intake.NoteDocuments;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake logs while it accepts and refuses notes: the note id and reference, never the note's text.
 */
@IntakeBrokerTest
@ExtendWith(OutputCaptureExtension.class)
class NoteLoggingTests {

	/** A sentence found nowhere but in the note submitted here. */
	private static final String SECRET = "The Mission confides that the heron will cross Lake Leman at the third bell.";

	private static final String NOTE = SampleNotes.referenceNote()
		.replace("The Permanent Mission of the Kingdom of Cambodia would be greatly appreciated",
				SECRET + " The Permanent Mission of the Kingdom of Cambodia would be greatly appreciated");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void neverLogsTheTextOfANoteItAcceptsOrRefuses(CapturedOutput output) throws Exception {
		assertThat(NOTE).contains(SECRET);
		HttpResponse<String> text = post("/api/v1/notes", "text/plain; charset=UTF-8", NoteDocuments.utf8(NOTE));
		HttpResponse<String> structured = post("/api/v1/notes", "application/json",
				NoteDocuments.utf8("{\"sender\": \"Permanent Mission\", \"text\": " + this.json.writeValueAsString(NOTE) + "}"));
		Multipart email = Multipart.file("note.eml", "message/rfc822", NoteDocuments.emailWithBody(NOTE));
		HttpResponse<String> file = post("/api/v1/notes", email.contentType(), email.body());
		HttpResponse<String> parsed = post("/api/v1/notes/parse", "text/plain; charset=UTF-8", NoteDocuments.utf8(NOTE));
		HttpResponse<String> malformed = post("/api/v1/notes", "application/json",
				NoteDocuments.utf8("{\"text\": \"" + SECRET + "\", \"date\": " + SECRET + "}"));
		Multipart latin1 = Multipart.file("note.txt", "text/plain", NOTE.replace("Geneva", "Genève")
			.replaceAll("[^\\x00-\\xFF]", "")
			.getBytes(StandardCharsets.ISO_8859_1));
		HttpResponse<String> notUtf8 = post("/api/v1/notes", latin1.contentType(), latin1.body());

		assertThat(text.statusCode()).isEqualTo(202);
		assertThat(structured.statusCode()).isEqualTo(202);
		assertThat(file.statusCode()).isEqualTo(202);
		assertThat(parsed.statusCode()).isEqualTo(200);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(notUtf8.statusCode()).isEqualTo(400);
		String noteId = this.json.readTree(text.body()).get("noteId").asString();
		assertThat(output.getAll()).contains("Accepted note " + noteId).doesNotContain(SECRET);
		assertThat(malformed.body() + notUtf8.body()).doesNotContain(SECRET);
	}

	private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
