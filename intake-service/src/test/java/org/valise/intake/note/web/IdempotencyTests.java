package org.valise.intake.note.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
 * Submissions with an {@code Idempotency-Key}: a retry of the same submission is answered like the first and
 * publishes nothing more once the first is known to be published; another submission under the same key is refused
 * (422), never answered with the first note's id; racing attempts agree on one answer.
 */
@IntakeBrokerTest
class IdempotencyTests {

	private static final String NOTE = SampleNotes.referenceNote();

	private static final String OTHER_NOTE = SampleNotes.text("dev-04-nepal-department-policy-research.txt");

	@Autowired
	ReceivedNotes received;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void answersARetryExactlyLikeTheFirstAttemptAndPublishesTheNoteOnce() throws Exception {
		String key = "NV-2021-01-105-" + UUID.randomUUID();

		HttpResponse<String> first = postText(NOTE, key, IntakeBrokerTest.TOKEN);
		HttpResponse<String> retry = postText(NOTE, key, IntakeBrokerTest.TOKEN);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(retry.statusCode()).isEqualTo(202);
		JsonNode firstAnswer = this.json.readTree(first.body());
		assertThat(this.json.readTree(retry.body())).isEqualTo(firstAnswer);
		String noteId = firstAnswer.get("noteId").asString();
		assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
			.hasValue("http://127.0.0.1:8083/api/v1/notes/" + noteId);
		assertThat(UUID.fromString(noteId).version()).isEqualTo(8);
		this.received.awaitRecord(noteId);
		List<ConsumerRecord<String, String>> records = recordsOf(noteId);
		assertThat(records).singleElement().satisfies((record) -> {
			EventContracts.load().assertHonoured(record.topic(), record.key(), record.headers(), record.value());
			assertThat(this.json.readTree(record.value()).get("idempotencyKey").asString()).isEqualTo(key);
			assertThat(this.json.readTree(record.value()).get("receivedAt").asString())
				.isEqualTo(firstAnswer.get("receivedAt").asString());
		});
	}

	@Test
	void refusesAnotherNoteUnderAKeyAlreadyUsedNamingTheHeaderNeverTheNote() throws Exception {
		String key = "reused-" + UUID.randomUUID();
		String canary = "CANARY-" + UUID.randomUUID();

		HttpResponse<String> first = postText(NOTE, key, IntakeBrokerTest.TOKEN);
		HttpResponse<String> other = postText(OTHER_NOTE + "\n" + canary, key, IntakeBrokerTest.TOKEN);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(other.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://valise.org/problems/idempotency-key-reused");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
		assertThat(problem.get("detail").asString()).startsWith("Idempotency-Key was first used on");
		assertThat(other.body()).doesNotContain(canary).doesNotContain("Nepal").doesNotContain(key);
		assertThat(this.received.all()).noneSatisfy((record) -> assertThat(record.value()).contains(canary));
	}

	@Test
	void letsOneOfTwoNotesRacingForOneKeyThroughAndRefusesTheOther() throws Exception {
		String key = "race-two-notes-" + UUID.randomUUID();
		String first = "CANARY-" + UUID.randomUUID();
		String second = "CANARY-" + UUID.randomUUID();

		List<HttpResponse<String>> answers = race(List.of(NOTE + "\n" + first, OTHER_NOTE + "\n" + second), key);

		assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 422);
		boolean firstWon = answers.get(0).statusCode() == 202;
		String noteId = this.json.readTree(answers.get(firstWon ? 0 : 1).body()).get("noteId").asString();
		this.received.awaitRecord(noteId);
		List<ConsumerRecord<String, String>> published = this.received.all()
			.stream()
			.filter((record) -> record.value().contains(first) || record.value().contains(second))
			.toList();
		assertThat(published).isNotEmpty().allSatisfy((record) -> {
			assertThat(record.key()).isEqualTo(noteId);
			assertThat(record.value()).contains(firstWon ? first : second).doesNotContain(firstWon ? second : first);
		});
	}

	/**
	 * Attempts racing with the same note all get the first claim's note: each one that found the claim not yet
	 * published sends the same NoteReceived again (same id, time and ce_id), which routing registers once.
	 */
	@Test
	void givesConcurrentRetriesTheSameNoteAndOnlyEverTheSameEvent() throws Exception {
		String key = "race-" + UUID.randomUUID();
		int attempts = 4;

		List<HttpResponse<String>> answers = race(Collections.nCopies(attempts, NOTE), key);

		List<String> noteIds = new ArrayList<>();
		for (HttpResponse<String> answer : answers) {
			assertThat(answer.statusCode()).isEqualTo(202);
			noteIds.add(this.json.readTree(answer.body()).get("noteId").asString());
		}
		assertThat(noteIds).hasSize(attempts).containsOnly(noteIds.get(0));
		this.received.awaitRecord(noteIds.get(0));
		List<ConsumerRecord<String, String>> records = recordsOf(noteIds.get(0));
		assertThat(records).hasSizeBetween(1, attempts);
		for (ConsumerRecord<String, String> record : records) {
			EventContracts.load().assertHonoured(record.topic(), record.key(), record.headers(), record.value());
			assertThat(record.value()).isEqualTo(records.get(0).value());
			assertThat(record.headers().lastHeader("ce_id").value())
				.isEqualTo(records.get(0).headers().lastHeader("ce_id").value());
		}
	}

	@Test
	void takesAJsonRetryWrittenWithOtherSpacingAndKeyOrderForTheSameSubmission() throws Exception {
		String key = "json-" + UUID.randomUUID();

		HttpResponse<String> first = post("application/json",
				"{\"sender\": \"Permanent Mission of Ghana\", \"reference\": \"No. 7/2026\"}", key);
		HttpResponse<String> retry = post("application/json",
				"{\"reference\":\"No. 7/2026\",\n  \"sender\":\"Permanent Mission of Ghana\"}", key);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(retry.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(retry.body()).get("noteId"))
			.isEqualTo(this.json.readTree(first.body()).get("noteId"));
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
		HttpResponse<String> desk = postText(OTHER_NOTE, key, IntakeBrokerTest.OTHER_TOKEN);

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

	/** Everything on the topic for the note, once stragglers had a moment to arrive. */
	private List<ConsumerRecord<String, String>> recordsOf(String noteId) {
		return this.received.all().stream().filter((record) -> noteId.equals(record.key())).toList();
	}

	private List<HttpResponse<String>> race(List<String> notes, String key) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(notes.size());
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (String note : notes) {
				futures.add(clients.submit(() -> {
					start.await();
					return postText(note, key, IntakeBrokerTest.TOKEN);
				}));
			}
			start.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				answers.add(future.get(30, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			clients.shutdownNow();
		}
	}

	private HttpResponse<String> postText(String text, String key, String token) throws Exception {
		return this.http.send(request("text/plain; charset=UTF-8", key, token)
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String contentType, String body, String key) throws Exception {
		return this.http.send(request(contentType, key, IntakeBrokerTest.TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String contentType, String key, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes"))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + token);
		return (key != null) ? request.header("Idempotency-Key", key) : request;
	}

}
