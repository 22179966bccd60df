package org.valise.intake.note.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.platform.security.TrustTestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake while no broker is reachable: it starts, refuses notes with 503 within seconds instead of pretending
 * to have accepted them, and keeps nothing buffered that its producer could still send behind the client's back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TrustTestTokens
class BrokerOutageTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@DynamicPropertySource
	static void unreachableBroker(DynamicPropertyRegistry registry) {
		int closedPort = closedPort();
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
	}

	@Test
	void answers503WithinSecondsWhileTheBrokerIsUnreachable() throws Exception {
		Instant start = Instant.now();

		HttpResponse<String> refused = submit(this.http, this.port, "No. 2024/07/001 — sent while the broker is down");

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("title").asString()).contains("not accepted");
		assertThat(problem.get("detail").asString()).contains("nothing was published");
		assertThat(producerMetric("record-send-total")).isZero();
		assertThat(producerMetric("buffer-available-bytes")).isEqualTo(producerMetric("buffer-total-bytes"));
	}

	private double producerMetric(String name) {
		return this.kafka.metrics()
			.entrySet()
			.stream()
			.filter((metric) -> metric.getKey().name().equals(name)
					&& metric.getKey().group().equals("producer-metrics"))
			.mapToDouble((metric) -> ((Number) metric.getValue().metricValue()).doubleValue())
			.findFirst()
			.orElseThrow();
	}

	static HttpResponse<String> submit(HttpClient http, int port, String text) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notes"))
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
