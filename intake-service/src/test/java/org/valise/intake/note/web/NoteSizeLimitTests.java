package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.ReceivedNotes;
import org.valise.platform.security.TrustTestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A note is refused (413) when its NoteReceived, as it would be written, is over the one record limit less the
 * reserve for what routing and notification add — here a record limit of 128 KiB, so 65,536 bytes for the event:
 * a note that fits to the byte is accepted and written, one byte more is refused naming the limit, and characters
 * that JSON escapes count as the bytes they become.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"valise.kafka.max-record-size=131072", "valise.intake.rate-limit.requests=1000000" })
@EmbeddedKafka
@TrustTestTokens
@DirtiesContext
class NoteSizeLimitTests {

	private static final int MAX_EVENT_BYTES = 131_072 - 65_536;

	@Autowired
	EmbeddedKafkaBroker broker;

	private ReceivedNotes received;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void readTheTopic() {
		this.received = new ReceivedNotes(this.broker.getBrokersAsString());
	}

	@AfterEach
	void stopReading() {
		this.received.close();
	}

	@Test
	void acceptsANoteWhoseEventFitsToTheByteAndRefusesOneByteMoreNamingTheLimit() throws Exception {
		int overhead = eventBytes("x".repeat(20_000)) - 20_000;
		String fits = "x".repeat(MAX_EVENT_BYTES - overhead);

		HttpResponse<String> accepted = post(fits);
		HttpResponse<String> refused = post(fits + "x");

		assertThat(accepted.statusCode()).isEqualTo(202);
		String noteId = this.json.readTree(accepted.body()).get("noteId").asString();
		assertThat(this.received.awaitRecord(noteId).value().getBytes(StandardCharsets.UTF_8))
			.hasSize(MAX_EVENT_BYTES);
		assertProblem(refused, MAX_EVENT_BYTES, "takes " + (MAX_EVENT_BYTES + 1) + " bytes, more than the "
				+ MAX_EVENT_BYTES + " bytes");
	}

	/** 21,000 characters of quotes, backslashes and control characters are 21 KB sent, 70 KB once escaped. */
	@Test
	void countsTheCharactersJsonEscapesAsTheBytesTheyBecome() throws Exception {
		String escaped = "\"\\\u0001".repeat(7_000);

		HttpResponse<String> refused = post(escaped);
		HttpResponse<String> accepted = post("\"\\\u0001".repeat(4_000));

		assertProblem(refused, MAX_EVENT_BYTES, "more than the " + MAX_EVENT_BYTES + " bytes");
		assertThat(accepted.statusCode()).isEqualTo(202);
		String noteId = this.json.readTree(accepted.body()).get("noteId").asString();
		assertThat(this.received.awaitRecord(noteId).value().getBytes(StandardCharsets.UTF_8).length)
			.isGreaterThan(40_000);
	}

	@Test
	void derivesTheLargestBodyFromTheSameRecordLimit() throws Exception {
		HttpResponse<String> refused = post("x".repeat(MAX_EVENT_BYTES + 1));

		assertThat(refused.statusCode()).isEqualTo(413);
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("maxBytes").asLong()).isEqualTo(MAX_EVENT_BYTES);
		assertThat(problem.get("detail").asString()).isEqualTo("body exceeds the limit of 64 KB (65536 bytes) for a note");
	}

	/** What the event of such a note weighs, as written: measured on the topic. */
	private int eventBytes(String text) throws Exception {
		HttpResponse<String> accepted = post(text);
		assertThat(accepted.statusCode()).isEqualTo(202);
		ConsumerRecord<String, String> record = this.received
			.awaitRecord(this.json.readTree(accepted.body()).get("noteId").asString());
		return record.value().getBytes(StandardCharsets.UTF_8).length;
	}

	private void assertProblem(HttpResponse<String> response, long maxBytes, String mention) {
		assertThat(response.statusCode()).isEqualTo(413);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://valise.org/problems/note-too-large");
		assertThat(problem.get("maxBytes").asLong()).isEqualTo(maxBytes);
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("body");
		assertThat(problem.get("detail").asString()).contains(mention);
	}

	private HttpResponse<String> post(String text) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
