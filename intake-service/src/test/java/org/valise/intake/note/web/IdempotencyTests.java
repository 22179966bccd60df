package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.valise.contracts.EventContracts;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.Multipart;
import org.valise.intake.NoteDocuments;
import org.valise.intake.ReceivedNotes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retried submissions with the same {@code Idempotency-Key}: answered like the first, republished under the first
 * note id (the registry step downstream marks the copy as a duplicate), even when the retries race each other.
 */
@IntakeBrokerTest
class IdempotencyTests {

	private static final String NOTE = SampleNotes.referenceNote();

	@Autowired
	ReceivedNotes received;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void answersARetryExactlyLikeTheFirstAttempt() throws Exception {
		String key = "NV-2021-01-105-" + UUID.randomUUID();

		HttpResponse<String> first = postText(NOTE, key, IntakeBrokerTest.TOKEN);
		HttpResponse<String> retry = postText(NOTE, key, IntakeBrokerTest.TOKEN);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(retry.statusCode()).isEqualTo(202);
		JsonNode firstAnswer = this.json.readTree(first.body());
		JsonNode retryAnswer = this.json.readTree(retry.body());
		String noteId = firstAnswer.get("noteId").asString();
		assertThat(retryAnswer.get("noteId").asString()).isEqualTo(noteId);
		assertThat(retryAnswer.get("tracking")).isEqualTo(firstAnswer.get("tracking"));
		assertThat(retryAnswer.get("understood")).isEqualTo(firstAnswer.get("understood"));
		assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
			.hasValue("http://127.0.0.1:8083/api/v1/notes/" + noteId);
		assertThat(UUID.fromString(noteId).version()).isEqualTo(8);
		for (ConsumerRecord<String, String> record : this.received.awaitRecords(noteId, 2)) {
			EventContracts.load().assertHonoured(record.topic(), record.key(), record.headers(), record.value());
			assertThat(this.json.readTree(record.value()).get("idempotencyKey").asString()).isEqualTo(key);
		}
	}

	@Test
	void givesConcurrentRetriesTheSameNoteId() throws Exception {
		String key = "race-" + UUID.randomUUID();
		int attempts = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(attempts);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				answers.add(clients.submit(() -> {
					start.await();
					return postText(NOTE, key, IntakeBrokerTest.TOKEN);
				}));
			}
			start.countDown();

			List<String> noteIds = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(202);
				noteIds.add(this.json.readTree(response.body()).get("noteId").asString());
			}
			assertThat(noteIds).hasSize(attempts).containsOnly(noteIds.get(0));
			List<ConsumerRecord<String, String>> records = this.received.awaitRecords(noteIds.get(0), attempts);
			assertThat(records).hasSize(attempts);
			for (ConsumerRecord<String, String> record : records) {
				EventContracts.load().assertHonoured(record.topic(), record.key(), record.headers(), record.value());
				assertThat(this.json.readTree(record.value()).get("noteId").asString()).isEqualTo(noteIds.get(0));
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void givesTheSameNoteIdToARetriedFileUpload() throws Exception {
		String key = "upload-" + UUID.randomUUID();
		Multipart upload = Multipart.file("NV-2021-01-105.txt", "text/plain", NoteDocuments.utf8(NOTE));

		HttpResponse<String> first = this.http.send(request(upload.contentType(), key, IntakeBrokerTest.TOKEN)
			.POST(upload.publisher()).build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> retry = this.http.send(request(upload.contentType(), key, IntakeBrokerTest.TOKEN)
			.POST(upload.publisher()).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(retry.body()).get("noteId"))
			.isEqualTo(this.json.readTree(first.body()).get("noteId"));
	}

	@Test
	void keepsTheKeysOfDifferentClientsApart() throws Exception {
		String key = "shared-" + UUID.randomUUID();

		HttpResponse<String> registry = postText(NOTE, key, IntakeBrokerTest.TOKEN);
		HttpResponse<String> desk = postText(NOTE, key, IntakeBrokerTest.OTHER_TOKEN);

		assertThat(registry.statusCode()).isEqualTo(202);
		assertThat(desk.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(desk.body()).get("noteId"))
			.isNotEqualTo(this.json.readTree(registry.body()).get("noteId"));
	}

	@Test
	void givesEveryUnkeyedSubmissionItsOwnNoteId() throws Exception {
		HttpResponse<String> first = postText(NOTE, null, IntakeBrokerTest.TOKEN);
		HttpResponse<String> second = postText(NOTE, null, IntakeBrokerTest.TOKEN);

		assertThat(this.json.readTree(second.body()).get("noteId"))
			.isNotEqualTo(this.json.readTree(first.body()).get("noteId"));
	}

	@Test
	void refusesAnInvalidKeyNamingTheHeader() throws Exception {
		for (String key : List.of("two words", "k".repeat(201))) {
			HttpResponse<String> response = postText(NOTE, key, IntakeBrokerTest.TOKEN);

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
			assertThat(problem.get("detail").asString()).startsWith("Idempotency-Key must");
		}
	}

	private HttpResponse<String> postText(String text, String key, String token) throws Exception {
		return this.http.send(request("text/plain; charset=UTF-8", key, token)
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String contentType, String key, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes"))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + token);
		return (key != null) ? request.header("Idempotency-Key", key) : request;
	}

}
