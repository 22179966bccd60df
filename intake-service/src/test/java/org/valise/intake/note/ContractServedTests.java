package org.valise.intake.note;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.valise.contracts.EventContracts;
import org.valise.intake.IntakeBrokerTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * intake-service serves the published event contract, and that contract declares the topic intake writes and the
 * event type it writes there — so a topic or an event added here without the contract fails the build.
 */
@IntakeBrokerTest
class ContractServedTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Value("${valise.topics.received}")
	String receivedTopic;

	@Test
	void servesTheContractAsPublished() throws Exception {
		HttpResponse<String> asyncapi = get("/asyncapi.yaml");
		HttpResponse<String> schema = get("/schemas/note-received.v1.schema.json");

		assertThat(asyncapi.statusCode()).isEqualTo(200);
		assertThat(asyncapi.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/yaml"));
		assertThat(asyncapi.body()).isEqualTo(published("asyncapi.yaml"));
		assertThat(schema.statusCode()).isEqualTo(200);
		assertThat(schema.body()).isEqualTo(published("schemas/note-received.v1.schema.json"));
	}

	@Test
	void declaresTheTopicAndEventTypeIntakeWrites() {
		EventContracts contracts = EventContracts.load();

		assertThat(contracts.topics()).contains(this.receivedTopic);
		assertThat(contracts.eventTypes(this.receivedTopic)).contains(NotePublisher.EVENT_TYPE);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A file of the contracts module as published (its jar, on the test classpath). */
	private static String published(String file) throws IOException {
		try (InputStream in = ContractServedTests.class.getClassLoader().getResourceAsStream("contracts/" + file)) {
			assertThat(in).as("contracts/" + file + " on the classpath").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
