package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.valise.contracts.EventContracts;
import org.valise.intake.IntakeBrokerTest;
import org.valise.platform.security.TestTokens;
import org.valise.intake.ReceivedNotes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake over HTTP and a real Kafka broker: what it accepts is on {@code notes.received.v1}, honouring the
 * contract, before the client hears 202; what it refuses gets a problem response naming the problem.
 */
@IntakeBrokerTest
class NoteIntakeIntegrationTests {

	private static final String TOKEN = IntakeBrokerTest.TOKEN;

	@Autowired
	ReceivedNotes received;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void acceptsTheReferenceNoteAsTextAndPublishesItBeforeAnswering() throws Exception {
		String note = SampleNotes.referenceNote();

		HttpResponse<String> response = post("text/plain; charset=UTF-8", note, TOKEN);

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = this.json.readTree(response.body());
		String noteId = body.get("noteId").asString();
		assertThat(body.at("/understood/reference").asString()).isEqualTo("2021/01/105");
		assertThat(response.headers().firstValue("Location"))
			.hasValue("http://127.0.0.1:8083/api/v1/notes/" + noteId);
		ConsumerRecord<String, String> record = this.received.awaitRecord(noteId);
		EventContracts.load().assertHonoured(record.topic(), record.key(), record.headers(), record.value());
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("format").asString()).isEqualTo("text");
		assertThat(event.get("submittedBy").asString()).isEqualTo("registry");
		assertThat(event.at("/note/reference").asString()).isEqualTo("2021/01/105");
		assertThat(event.at("/note/date").asString()).isEqualTo("2021-01-28");
		assertThat(event.at("/note/place").asString()).isEqualTo("Geneva");
		assertThat(event.at("/note/sender").asString())
			.startsWith("Permanent Mission of the Kingdom of Cambodia");
		assertThat(event.at("/note/recipient").asString()).isEqualTo("International Organisation for Migration");
		assertThat(event.at("/note/highestDestination").asBoolean()).isTrue();
		assertThat(event.at("/note/enclosures/0/addressee").asString()).contains("Director General");
		assertThat(event.at("/note/scripts").toString()).contains("Khmer");
		assertThat(event.get("text").asString().getBytes(StandardCharsets.UTF_8))
			.isEqualTo(note.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void acceptsStructuredFieldsAsGiven() throws Exception {
		String submission = """
				{"docType": "note_verbale", "language": "fr", "reference": "212-MPMG/19", "date": "2019-10-17",
				 "place": "Genève", "sender": "Mission permanente de la République de Madagascar",
				 "recipient": "Organisation internationale pour les migrations (OIM)", "recipientHead": "Directeur général",
				 "enclosures": [{"title": "lettre", "author": "Premier ministre", "addressee": "Directeur général"}],
				 "highestDestination": true}
				""";

		HttpResponse<String> response = post("application/json", submission, TOKEN);

		assertThat(response.statusCode()).isEqualTo(202);
		String noteId = this.json.readTree(response.body()).get("noteId").asString();
		ConsumerRecord<String, String> record = this.received.awaitRecord(noteId);
		EventContracts.load().assertHonoured(record.topic(), record.key(), record.headers(), record.value());
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("format").asString()).isEqualTo("json");
		assertThat(event.at("/note/place").asString()).isEqualTo("Genève");
		assertThat(event.at("/note/enclosures/0/author").asString()).isEqualTo("Premier ministre");
		assertThat(event.at("/note/confidential").asBoolean()).isFalse();
		assertThat(event.get("text").isNull()).isTrue();
	}

	@Test
	void answersWhatItReadWithNullsWhereTheNoteSaysNothing() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"sender\": \"Embassy of Ruritania\"}", TOKEN);

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode understood = this.json.readTree(response.body()).get("understood");
		assertThat(understood.get("sender").asString()).isEqualTo("Embassy of Ruritania");
		assertThat(understood.get("reference").isNull()).isTrue();
	}

	@Test
	void refusesAnEmptyNoteNamingTheBody() throws Exception {
		HttpResponse<String> response = post("text/plain", "   \n", TOKEN);

		assertProblem(response, 400, "body");
	}

	@Test
	void refusesMalformedJsonSayingWhere() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"sender\": \"Mission\",", TOKEN);

		assertProblem(response, 400, "malformed JSON at line 1");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void refusesADateThatIsNotIsoNamingTheField() throws Exception {
		HttpResponse<String> response = post("application/json",
				"{\"sender\": \"Mission\", \"date\": \"28 January 2021\"}", TOKEN);

		assertProblem(response, 400, "date");
		assertThat(this.json.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("date");
	}

	@Test
	void refusesStructuredNoteWithoutSenderOrText() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"reference\": \"12/2024\"}", TOKEN);

		assertProblem(response, 400, "sender");
	}

	@Test
	void refusesAnUnknownDocumentTypeNamingTheField() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"sender\": \"Mission\", \"docType\": \"memo\"}",
				TOKEN);

		assertProblem(response, 400, "docType");
	}

	@Test
	void refusesAnUnsupportedContentType() throws Exception {
		HttpResponse<String> response = post("application/xml", "<note/>", TOKEN);

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void refusesASubmissionWithoutAValidToken() throws Exception {
		assertProblem(post("text/plain", "No. 1/2024", null), 401, "Bearer");
		assertProblem(post("text/plain", "No. 1/2024", "forged"), 401, "Bearer");
	}

	@Test
	void parsesWithoutPublishing() throws Exception {
		int before = this.received.all().size();

		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/notes/parse"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(SampleNotes.referenceNote()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode fields = this.json.readTree(response.body());
		assertThat(fields.get("reference").asString()).isEqualTo("2021/01/105");
		assertThat(fields.at("/evidence/reference/text").asString()).isEqualTo("2021/01/105");
		assertThat(this.received.all()).hasSize(before);
	}

	@Test
	void exposesHealthAndCountsAcceptedAndRejectedNotes() throws Exception {
		assertThat(post("text/plain", "No. 7/2024 — counted", TOKEN).statusCode()).isEqualTo(202);
		assertThat(post("text/plain", " ", TOKEN).statusCode()).isEqualTo(400);

		HttpResponse<String> health = this.http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> metrics = this.http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.header("Authorization", TestTokens.scraperAuthorization())
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> metricsWithoutCredentials = this.http.send(
				HttpRequest.newBuilder(uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> metricsForAnotherRole = this.http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.header("Authorization", "Bearer " + TOKEN)
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(metricsWithoutCredentials.statusCode()).isEqualTo(401);
		assertThat(metricsForAnotherRole.statusCode()).isEqualTo(403);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes")
			.containsPattern("valise_notes_received_total\\{application=\"intake-service\",doc_type=\"[a-z_]+\",format=\"text\"} [1-9]")
			.contains("valise_notes_rejected_total{application=\"intake-service\",reason=\"invalid-note\"}");
	}

	private void assertProblem(HttpResponse<String> response, int status, String mention) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).contains(mention);
	}

	private HttpResponse<String> post(String contentType, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/notes"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
