package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.valise.intake.IntakeBrokerTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client cannot forge a log line through a value intake logs: the JSON {@code reference} of an accepted note is
 * logged (it is how operators find a note), with its CR, LF and other control characters escaped by the platform's
 * {@code SafeMessageConverter} — which intake's tests log through too ({@code logback-test.xml} includes the
 * platform's {@code logback-spring.xml}), so what is asserted here is what operators read.
 */
@IntakeBrokerTest
@ExtendWith(OutputCaptureExtension.class)
class LogInjectionTests {

	/** A log line as intake writes them, to be smuggled in after a CR LF. */
	private static final String FORGED = "2026-12-06T09:00:00.000Z  INFO 4242 --- [main] o.v.i.n.NoteIntake : "
			+ "Accepted note forged";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void escapesALineBreakInAReferenceSoThatNoLineCanBeForged(CapturedOutput output) throws Exception {
		String reference = "12/2024\r\n" + FORGED + "\u001b[2K\u2028";

		HttpResponse<String> accepted = post("{\"sender\": \"Permanent Mission\", \"reference\": "
				+ this.json.writeValueAsString(reference) + "}");

		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String noteId = this.json.readTree(accepted.body()).get("noteId").asString();
		assertThat(output.getAll().lines().filter((line) -> line.contains("Accepted note " + noteId)))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("reference 12/2024\\r\\n2026-12-06T09:00:00.000Z  INFO 4242")
			.contains("\\u001b[2K\\u2028");
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("2026-12-06T09:00:00.000Z"))
			.noneMatch((line) -> line.contains("\u001b") || line.contains("\u2028"));
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
