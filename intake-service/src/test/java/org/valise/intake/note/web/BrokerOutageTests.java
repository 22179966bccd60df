package org.valise.intake.note.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.platform.security.TrustTestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake while no broker was ever reachable: it starts, and refuses every note at once with 503 and
 * {@code Retry-After} instead of pretending to have accepted it or holding the client for the producer's timeouts;
 * nothing is claimed or sent (the output binding is not even bound).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TrustTestTokens
class BrokerOutageTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void unreachableBroker(DynamicPropertyRegistry registry) {
		int closedPort = closedPort();
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
	}

	/** Each refusal comes without a wait for Kafka (the producer would wait 2 s for metadata, 4 s for an ack). */
	@Test
	void refusesEveryNoteAtOnceWithRetryAfterWhileTheBrokerIsUnreachable() throws Exception {
		assertThat(parse("No. 2024/07/001 — read first, so that the server is warm").statusCode()).isEqualTo(200);
		for (String key : new String[] { null, "outage-1", null, "outage-1" }) {
			long start = System.nanoTime();
			HttpResponse<String> refused = submit(key, "No. 2024/07/001 — sent while the broker is down");
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(took).as("time to the 503").isLessThan(Duration.ofSeconds(2));
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = this.json.readTree(refused.body());
			assertThat(problem.get("type").asString()).isEqualTo("https://valise.org/problems/broker-unavailable");
			assertThat(problem.get("detail").asString()).contains("nothing was published");
		}
	}

	private HttpResponse<String> submit(String key, String text) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", TestTokens.bearer(TestTokens.token(Role.SUBMITTER)))
			.POST(HttpRequest.BodyPublishers.ofString(text));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> parse(String text) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes/parse"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", TestTokens.bearer(TestTokens.token(Role.SUBMITTER)))
			.POST(HttpRequest.BodyPublishers.ofString(text))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A port nothing listens on: bound, then released. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
