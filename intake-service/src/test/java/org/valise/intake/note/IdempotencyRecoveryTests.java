package org.valise.intake.note;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.valise.intake.IntakeBrokerTest;
import org.valise.intake.ReceivedNotes;
import org.valise.intake.keys.KeyLedger;
import org.valise.intake.keys.KeyRecord;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an Idempotency-Key remembers lives in Kafka, not in an instance: claims written by another instance (or by
 * this one before it crashed) are honoured as the topic gives them — a claim whose note was never published is
 * published on the client's retry, under the claimed id and time; a claim of another note refuses this one.
 */
@IntakeBrokerTest
class IdempotencyRecoveryTests {

	private static final String TOPIC = "intake-service.idempotency-keys.v1";

	private static final String NOTE = SampleNotes.referenceNote();

	@Autowired
	ReceivedNotes received;

	/** The broker of this context (the system property {@code spring.embedded.kafka.brokers} names the latest one). */
	@Autowired
	EmbeddedKafkaBroker broker;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	/** The first attempt claimed the key, then its instance died before Kafka had the note; the client retries. */
	@Test
	void publishesTheNoteOfAClaimLeftUnpublishedUnderTheClaimedIdAndTime() throws Exception {
		String key = "crashed-" + UUID.randomUUID();
		String digest = SubmissionDigest.of(SubmissionFormat.TEXT, null, NOTE);
		String noteId = new IdempotencyKey(key).noteIdFor("registry", digest).toString();
		Instant claimedAt = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS);
		claim(key, digest, noteId, claimedAt);

		HttpResponse<String> retry = post(NOTE, key);
		HttpResponse<String> again = post(NOTE, key);

		assertThat(retry.statusCode()).isEqualTo(202);
		JsonNode answer = this.json.readTree(retry.body());
		assertThat(answer.get("noteId").asString()).isEqualTo(noteId);
		assertThat(answer.get("receivedAt").asString()).isEqualTo(claimedAt.toString());
		ConsumerRecord<String, String> record = this.received.awaitRecord(noteId);
		assertThat(this.json.readTree(record.value()).get("receivedAt").asString()).isEqualTo(claimedAt.toString());
		assertThat(this.json.readTree(again.body())).isEqualTo(answer);
		assertThat(this.received.all()).filteredOn((published) -> noteId.equals(published.key())).hasSize(1);
	}

	@Test
	void refusesANoteUnderAKeyAnotherInstanceClaimedForAnother() throws Exception {
		String key = "claimed-elsewhere-" + UUID.randomUUID();
		claim(key, SubmissionDigest.of(SubmissionFormat.TEXT, null, "another note"), UUID.randomUUID().toString(),
				Instant.now());

		HttpResponse<String> refused = post(NOTE, key);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(refused.body()).at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
	}

	@Test
	void keepsTheKeysInOneCompactedPartitionForSevenDays() throws Exception {
		String brokers = this.broker.getBrokersAsString();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
			Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
			TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);

			assertThat(config.get("cleanup.policy").value()).isIn("compact,delete", "delete,compact");
			assertThat(config.get("retention.ms").value()).isEqualTo("604800000");
			assertThat(config.get("max.message.bytes").value()).isEqualTo("1048576");
			assertThat(description.partitions()).hasSize(1);
		}
	}

	/** Writes a claim as an intake instance does (partition 0, a record of its own), and waits for Kafka's ack. */
	private void claim(String key, String digest, String noteId, Instant receivedAt) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			String recordKey = KeyLedger.recordKey(KeyLedger.ledgerKey("registry", key), UUID.randomUUID().toString());
			KeyRecord claim = new KeyRecord("registry", key, digest, noteId, receivedAt, null, false);
			producer.send(new ProducerRecord<>(TOPIC, 0, recordKey, this.json.writeValueAsBytes(claim))).get();
		}
	}

	private HttpResponse<String> post(String text, String key) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/notes"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
