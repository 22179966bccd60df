package org.valise.routing.directory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.routing.BrokerTestSupport;
import org.valise.routing.SampleNoteEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routing-service publishes the directory in force on {@code directory.v1}, a compacted topic of one partition: every
 * office at start, then, when the watched file changes, the changed offices again and a tombstone for each removed
 * one; every record honours the contract. Read back {@code read_committed}, as notification-service reads it.
 */
class DirectoryPublicationTests extends BrokerTestSupport {

	private static final String DIRECTORY = "directory.v1";

	@Autowired
	private DirectorySource directories;

	@Autowired
	private MeterRegistry meters;

	private KafkaConsumer<String, String> reader;

	/** Every record of directory.v1 read so far, in order. */
	private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

	@BeforeAll
	void readTheDirectoryTopic() {
		this.reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = List.of(new TopicPartition(DIRECTORY, 0));
		this.reader.assign(partitions);
		this.reader.seekToBeginning(partitions);
	}

	@AfterAll
	void closeTheReader() {
		this.reader.close();
	}

	@Test
	void publishesEveryOfficeOfTheDirectoryInForceOnACompactedTopicOfOnePartition() throws Exception {
		awaitTopicHolding(iomDirectory());

		assertThat(this.directories.loaded().version()).isEqualTo(sha256(iomDirectory()));
		assertThat(table()).as("every office as published from the file in force").isEqualTo(published(iomDirectory()));
		this.records.forEach(this::assertPublishedAsContracted);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString()))) {
			TopicDescription topic = admin.describeTopics(List.of(DIRECTORY)).allTopicNames().get().get(DIRECTORY);
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, DIRECTORY);
			Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
			assertThat(topic.partitions()).hasSize(1);
			assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
		}
		assertThat(this.meters.get("valise.directory.published").tag("outcome", "published").counter().count())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void publishesAChangedOfficeAgainAndATombstoneForARemovedOneWhenTheFileChanges() throws Exception {
		// given
		awaitTopicHolding(iomDirectory());
		int before = this.records.size();
		String changed = iomDirectory().replace("name: Protocol Office", "name: Office of Protocol and Liaison")
			.replace("id: DOE", "id: EMERGENCIES");

		// when
		writeDirectory(changed);

		// then: the renamed office, the office under its new id, then the old id's tombstone; nothing else
		try {
			awaitTopicHolding(changed);
			List<ConsumerRecord<String, String>> written = List.copyOf(this.records.subList(before, this.records.size()));
			assertThat(written).extracting(ConsumerRecord::key).containsExactly("EMERGENCIES", "PROTOCOL", "DOE");
			assertThat(written.get(1).value()).contains("\"name\":\"Office of Protocol and Liaison\"")
				.contains("\"directoryVersion\":\"" + sha256(changed) + "\"");
			assertThat(written.get(2).value()).isNull();
			assertThat(header(written.get(2).headers(), CloudEventHeaders.ID))
				.isEqualTo(CloudEventHeaders.stableId("directory-office", "DOE", sha256(changed)));
			written.forEach(this::assertPublishedAsContracted);
		}
		finally {
			// and back: DOE again, EMERGENCIES removed
			before = this.records.size();
			writeDirectory(iomDirectory());
			awaitTopicHolding(iomDirectory());
		}
		assertThat(this.records.subList(before, this.records.size())).extracting(ConsumerRecord::key)
			.containsExactly("DOE", "PROTOCOL", "EMERGENCIES");
	}

	/**
	 * Waits until the topic holds exactly the offices of that directory file: the last value per office id (a
	 * tombstone removing it) is the office's value, written from that file or from an earlier one where the office
	 * was the same.
	 */
	private void awaitTopicHolding(String yaml) {
		Map<String, String> expected = published(yaml);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			this.reader.poll(Duration.ofMillis(200)).forEach(this.records::add);
			Map<String, String> table = table();
			assertThat(table).containsOnlyKeys(expected.keySet());
			expected.forEach((id, value) -> assertThat(PublishedOffice.sameOffice(table.get(id), value))
				.as("%s on the topic: %s", id, table.get(id))
				.isTrue());
		});
	}

	/** The value of each office of that directory file, as published from it. */
	private static Map<String, String> published(String yaml) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Office office : DirectoryLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
				"test.yml").offices()) {
			values.put(office.id(), PublishedOffice.json(office, sha256(yaml)));
		}
		return values;
	}

	private Map<String, String> table() {
		Map<String, String> table = new LinkedHashMap<>();
		for (ConsumerRecord<String, String> record : this.records) {
			if (record.value() == null) {
				table.remove(record.key());
			}
			else {
				table.put(record.key(), record.value());
			}
		}
		return table;
	}

	/** The record honours the contract; an office's CloudEvent id derives from its id and its directory version. */
	private void assertPublishedAsContracted(ConsumerRecord<String, String> record) {
		this.contracts.assertHonoured(DIRECTORY, record.key(), record.headers(), record.value());
		assertThat(header(record.headers(), "ce_source")).isEqualTo("/valise/routing-service");
		if (record.value() != null) {
			String version = SampleNoteEvents.JSON.readTree(record.value()).get("directoryVersion").asString();
			assertThat(header(record.headers(), CloudEventHeaders.ID))
				.isEqualTo(CloudEventHeaders.stableId("directory-office", record.key(), version));
		}
	}

	private static String sha256(String content) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
