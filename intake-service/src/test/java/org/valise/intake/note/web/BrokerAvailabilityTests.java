package org.valise.intake.note.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kafka.server.BrokerServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.ReceivedNotes;
import org.valise.platform.security.TrustTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker going away and coming back under a running intake: after at most one request that waits for the
 * producer's bounded timeout, every note is refused at once (503, {@code Retry-After}) without holding a thread, but
 * a retry of a note already published is answered from memory; once the broker is back, notes are accepted again
 * within about a probe interval; and every note that got a 202, before, during or after, is on
 * {@code notes.received.v1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"valise.intake.rate-limit.requests=1000000" })
@EmbeddedKafka
@TrustTestTokens
@DirtiesContext
class BrokerAvailabilityTests {

	@Autowired
	EmbeddedKafkaBroker embedded;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> accepted = new ArrayList<>();

	@Test
	void refusesAtOnceWhileTheBrokerIsDownAndAcceptsAgainSoonAfterItIsBack() throws Exception {
		BrokerServer broker = ((EmbeddedKafkaKraftBroker) this.embedded).getCluster().brokers().values().iterator().next();
		assertThat(submit(null).answer().statusCode()).isEqualTo(202);
		String key = "before-" + UUID.randomUUID();
		Timed keyedBefore = submit(key, "the note sent before, and again during the outage");

		broker.shutdown();
		Timed first = submit(null);
		Timed replayed = submit(key, "the note sent before, and again during the outage");
		List<Timed> refused = new ArrayList<>();
		for (String downKey : new String[] { null, "down-" + UUID.randomUUID(), null, null, null }) {
			refused.add(submit(downKey));
		}
		long startup = System.nanoTime();
		broker.startup();
		long back = System.nanoTime();
		Timed recovered = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> submit(null), (timed) -> timed.answer().statusCode() == 202);
		Duration recovery = Duration.ofNanos(System.nanoTime() - back);
		Timed keyed = submit("back-" + UUID.randomUUID());

		System.out.printf("Broker down: first answer %d in %d ms, then %s; broker restarted in %d ms, notes accepted "
				+ "again %d ms after%n", first.answer().statusCode(), first.took().toMillis(),
				refused.stream().map((timed) -> timed.answer().statusCode() + " in " + timed.took().toMillis() + " ms")
					.toList(), Duration.ofNanos(back - startup).toMillis(), recovery.toMillis());
		assertThat(first.answer().statusCode()).isEqualTo(503);
		assertThat(first.took()).as("the one wait for the producer's timeouts").isLessThan(Duration.ofSeconds(8));
		assertThat(refused).allSatisfy((timed) -> {
			assertThat(timed.answer().statusCode()).isEqualTo(503);
			assertThat(timed.answer().headers().firstValue("Retry-After")).hasValue("2");
			assertThat(timed.took()).as("a refusal without trying Kafka").isLessThan(Duration.ofMillis(1500));
		});
		assertThat(replayed.answer().statusCode()).as("a retry of a published note needs no broker").isEqualTo(202);
		assertThat(this.json.readTree(replayed.answer().body()).get("noteId"))
			.isEqualTo(this.json.readTree(keyedBefore.answer().body()).get("noteId"));
		assertThat(recovery).as("from the broker's return to the first 202").isLessThan(Duration.ofSeconds(15));
		assertThat(keyed.answer().statusCode()).isEqualTo(202);
		try (ReceivedNotes received = new ReceivedNotes(this.embedded.getBrokersAsString())) {
			for (String noteId : this.accepted) {
				assertThat(received.awaitRecord(noteId).key()).isEqualTo(noteId);
			}
		}
	}

	private Timed submit(String key) throws IOException, InterruptedException {
		return submit(key, "No. 2026/12/" + UUID.randomUUID() + " — the broker comes and goes");
	}

	private Timed submit(String key, String text) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(text));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		long start = System.nanoTime();
		HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		if (answer.statusCode() == 202) {
			this.accepted.add(this.json.readTree(answer.body()).get("noteId").asString());
		}
		return new Timed(answer, took);
	}

	private record Timed(HttpResponse<String> answer, Duration took) {
	}

}
