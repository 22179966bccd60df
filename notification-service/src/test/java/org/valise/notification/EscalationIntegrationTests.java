package org.valise.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.kafka.streams.StreamsBuilderFactoryManager;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalation of unacknowledged notes by the tracking topology's wall-clock punctuator, over the directory copy
 * (DMM → DDGO → ODG; ODG → its deputy DDGO): one NoteEscalated per level, also across a restart of Kafka Streams
 * whose local state is wiped (restored from the changelog), each level notifying its office.
 */
class EscalationIntegrationTests extends BrokerTestSupport {

	private static final String ESCALATED = "org.valise.note.escalated.v1";

	@Autowired
	private StreamsBuilderFactoryBean streams;

	@Autowired
	private StreamsBuilderFactoryManager streamsManager;

	@Test
	void escalatesAnUnacknowledgedNoteOncePerLevelUpToTheHeadAcrossARestart() throws Exception {
		// given a note for the Department of Migration Management, acknowledgement due in 2 seconds
		UUID noteId = UUID.randomUUID();
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000301",
				office("DMM", "Department of Migration Management", List.of(email("dmm-esc@iom.example.org"))))
			.deadline(Instant.now().plusSeconds(2))
			.json());

		// when the deadline passes unacknowledged
		ConsumerRecord<String, String> first = awaitDeliveryRecord(ESCALATED, noteId,
				(body) -> body.path("level").asInt() == 1);

		// then it is escalated to the parent office, which is notified with its own link
		JsonNode level1 = json.readTree(first.value());
		assertThat(level1.path("escalatedTo").path("id").asString()).isEqualTo("DDGO");
		assertThat(level1.path("destination").path("id").asString()).isEqualTo("DMM");
		assertThat(level1.path("nextEscalationAt").isNull()).isFalse();
		await().atMost(WAIT).until(() -> mailsFor(noteId, "ddg-operations@iom.example.org").size() == 1);
		assertThat(mailsFor(noteId, "ddg-operations@iom.example.org").get(0).getSubject()).startsWith("[ESCALATED]");
		assertThat(awaitState(noteId, "ESCALATED").path("escalations")).hasSize(1);

		// when Kafka Streams stops (its local state wiped) and starts again on the same application id
		this.streamsManager.stop();
		wipeLocalTaskStates();
		assertThat(localTaskStates()).as("task state directories after stop").isEmpty();
		this.streamsManager.start();
		await().atMost(WAIT).until(() -> this.streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);

		// then the next level follows, up to the head, and no level is escalated twice
		ConsumerRecord<String, String> second = awaitDeliveryRecord(ESCALATED, noteId,
				(body) -> body.path("level").asInt() == 2);
		JsonNode level2 = json.readTree(second.value());
		assertThat(level2.path("escalatedTo").path("id").asString()).isEqualTo("ODG");
		assertThat(level2.path("nextEscalationAt").isNull()).isTrue();
		// (records of one note share a partition: any repeat of level 1 would have come before level 2)
		assertThat(deliveryRecords(noteId, ESCALATED)).extracting((record) -> json.readTree(record.value())
			.path("level")
			.asInt()).containsExactly(1, 2);
		assertThat(second.headers().lastHeader("ce_id").value()).isNotEqualTo(first.headers().lastHeader("ce_id").value());
		await().atMost(WAIT).until(() -> mailsFor(noteId, "odg@iom.example.org").size() == 1);
		JsonNode tracking = awaitTracking(noteId, (view) -> view.path("escalations").size() == 2);
		assertThat(tracking.path("state").asString()).isEqualTo("ESCALATED");
		assertThat(tracking.path("nextEscalationAt").isNull()).isTrue();

		// and the search shows it overdue at level 2
		JsonNode overdue = json.readTree(get("/api/v1/notes?overdue=true&q=IN/2026/000301").body());
		assertThat(overdue.path("totalItems").asInt()).isEqualTo(1);
		assertThat(overdue.path("items").get(0).path("escalationLevel").asInt()).isEqualTo(2);
		assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();

		// and an office escalated to may acknowledge it; for an office it never reached it does not exist
		assertThat(acknowledge(noteId, office("DPR"), "{\"acknowledgedBy\": \"Director\"}").statusCode())
			.isEqualTo(404);
		assertThat(acknowledge(noteId, office("ODG"), "{\"acknowledgedBy\": \"Chef de Cabinet\"}").statusCode())
			.isEqualTo(202);
		assertThat(awaitState(noteId, "ACKNOWLEDGED").path("nextEscalationAt").isNull()).isTrue();
	}

	/** Deletes the task directories, as a new host would start without them. */
	private void wipeLocalTaskStates() throws IOException {
		Path dir = Path.of(this.streams.getStreamsConfiguration().getProperty(StreamsConfig.STATE_DIR_CONFIG),
				this.streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
		for (String task : localTaskStates()) {
			try (Stream<Path> files = Files.walk(dir.resolve(task))) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	/** The task directories (e.g. 0_1) under the state directory of the application. */
	private List<String> localTaskStates() throws IOException {
		Path dir = Path.of(this.streams.getStreamsConfiguration().getProperty(StreamsConfig.STATE_DIR_CONFIG),
				this.streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(dir)) {
			return children.map((child) -> child.getFileName().toString()).filter((name) -> name.matches("\\d+_\\d+"))
				.toList();
		}
	}

	@Test
	void escalatesANoteForTheHeadToItsDeputyWhoMayAcknowledgeIt() throws Exception {
		// given a note for the Director General's office, due in 1 second
		UUID noteId = UUID.randomUUID();
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000302",
				office("ODG", "Office of the Director General", List.of(email("odg-esc@iom.example.org"))))
			.deadline(Instant.now().plusSeconds(1))
			.json());
		awaitState(noteId, "DELIVERED");

		// when the deadline passes: escalated once, to the deputy (there is no office above the head)
		JsonNode escalated = json.readTree(awaitDeliveryRecord(ESCALATED, noteId).value());
		assertThat(escalated.path("escalatedTo").path("id").asString()).isEqualTo("DDGO");
		assertThat(escalated.path("nextEscalationAt").isNull()).isTrue();

		// then the deputy acknowledges it for the head
		assertThat(acknowledge(noteId, office("DDGO"), "{\"acknowledgedBy\": \"Deputy Director General\"}")
			.statusCode()).isEqualTo(202);
		JsonNode acknowledged = json.readTree(awaitDeliveryRecord("org.valise.note.acknowledged.v1", noteId).value());
		assertThat(acknowledged.path("office").path("id").asString()).isEqualTo("DDGO");
		assertThat(deliveryRecords(noteId, ESCALATED)).hasSize(1);
	}

}
