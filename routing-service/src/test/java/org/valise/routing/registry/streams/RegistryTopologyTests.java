package org.valise.routing.registry.streams;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.tracing.RecordTraces;
import org.valise.routing.SampleNoteEvents;
import org.valise.routing.directory.Directory;
import org.valise.routing.directory.DirectoryLoader;
import org.valise.routing.registry.RegistryDesk;
import org.valise.routing.registry.RoutingCommand;
import org.valise.routing.routing.RoutingPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry topology in a {@code TopologyTestDriver}: the readers, the repartition to the desk, the stores and
 * the outputs, without a broker, with the driver's clock.
 */
class RegistryTopologyTests {

	private static final JsonMapper JSON = SampleNoteEvents.JSON;

	private static final RegistryTopics TOPICS = new RegistryTopics("notes.received.v1", "notes.routed.v1",
			"notes.received.v1.dlq", "routing.commands.v1");

	private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	private TopologyTestDriver driver;

	private TestInputTopic<String, byte[]> received;

	private TestInputTopic<String, byte[]> commands;

	private TestOutputTopic<String, byte[]> routed;

	private TestOutputTopic<String, byte[]> deadLetters;

	@BeforeEach
	void startTheRegistry() {
		Directory directory = directory();
		RegistryDesk desk = new RegistryDesk(() -> new RoutingPolicy(directory),
				new RegistryDesk.Settings("IN", 6, 3, 50), (priority, at) -> at.plus(Duration.ofDays(2)));
		RoutedHeaders headers = new RoutedHeaders(new CloudEventHeaders("routing-service"));
		StreamsBuilder builder = new StreamsBuilder();
		RegistryTopology.addTo(builder, new RegistryTopology(
				() -> new RegistryProcessor(desk, JSON, headers, RecordTraces.NONE, new SimpleMeterRegistry()), JSON,
				RecordTraces.NONE), JSON, TOPICS);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-service-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state/" + UUID.randomUUID());
		this.driver = new TopologyTestDriver(builder.build(), properties, START);
		this.received = this.driver.createInputTopic(TOPICS.received(), new StringSerializer(),
				new ByteArraySerializer(), START, Duration.ofSeconds(1));
		this.commands = this.driver.createInputTopic(TOPICS.commands(), new StringSerializer(),
				new ByteArraySerializer(), START, Duration.ofSeconds(1));
		this.routed = this.driver.createOutputTopic(TOPICS.routed(), new StringDeserializer(),
				new ByteArrayDeserializer());
		this.deadLetters = this.driver.createOutputTopic(TOPICS.receivedDlq(), new StringDeserializer(),
				new ByteArrayDeserializer());
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void numbersNotesInTheOrderTheyArriveAndPublishesEachKeyedByItsNoteId() {
		String first = send("seed-cambodia-iom-2021-01-105.txt", "A/1", null);
		String second = send("dev-04-nepal-department-policy-research.txt", "B/2", null);

		List<TestRecord<String, byte[]>> out = this.routed.readRecordsToList();

		assertThat(out).extracting(TestRecord::key).containsExactly(first, second);
		assertThat(out).extracting((record) -> body(record).get("registryNumber").asString())
			.containsExactly("IN/2026/000001", "IN/2026/000002");
		assertThat(header(out.get(0).headers(), "ce_type")).isEqualTo("org.valise.note.routed.v1");
		assertThat(header(out.get(0).headers(), "ce_subject")).isEqualTo(first);
	}

	@Test
	void publishesADuplicateWithoutANumberAndACorrectedNoteNumberedInTriage() {
		send("seed-cambodia-iom-2021-01-105.txt", "2021/01/105", null);
		send("seed-cambodia-iom-2021-01-105.txt", "2021/01/105", null);
		String corrected = send("seed-cambodia-iom-2021-01-105.txt", "2021/01/105", "RECTIFICATIF: another text");

		List<JsonNode> out = this.routed.readRecordsToList().stream().map(RegistryTopologyTests::body).toList();

		assertThat(out).extracting((routed) -> routed.get("outcome").asString())
			.containsExactly("ROUTED", "DUPLICATE", "TRIAGE");
		assertThat(out).extracting((routed) -> routed.get("registryNumber").asString())
			.containsExactly("IN/2026/000001", "IN/2026/000001", "IN/2026/000002");
		assertThat(out.get(2).get("noteId").asString()).isEqualTo(corrected);
		assertThat(out.get(2).at("/possibleDuplicateOf/registryNumber").asString()).isEqualTo("IN/2026/000001");
	}

	@Test
	void sendsAPoisonRecordToTheDeadLetterOutputAndRoutesTheNextNote() {
		this.received.pipeInput("not-a-note", "{\"this is\": not json".getBytes(StandardCharsets.UTF_8));
		this.received.pipeInput(UUID.randomUUID().toString(), new byte[] { (byte) 0xff, (byte) 0xfe, 0x00 });
		String next = send("seed-cambodia-iom-2021-01-105.txt", "A/1", null);

		List<TestRecord<String, byte[]>> dead = this.deadLetters.readRecordsToList();

		assertThat(dead).extracting((record) -> header(record.headers(), "x-valise-error"))
			.containsExactly("not-json", "not-utf8");
		assertThat(dead).allSatisfy((record) -> {
			assertThat(header(record.headers(), "x-original-topic")).isEqualTo(TOPICS.received());
			assertThat(header(record.headers(), "x-exception-message")).doesNotContain("this is");
		});
		assertThat(this.routed.readRecordsToList()).singleElement()
			.satisfies((record) -> assertThat(record.key()).isEqualTo(next));
	}

	@Test
	void carriesOutAClerksCommandAsTheNextRevisionAndDeadLettersAnUnreadableCommand() {
		String noteId = send("seed-cambodia-iom-2021-01-105.txt", "A/1", null);
		this.routed.readRecordsToList();
		RoutingCommand command = new RoutingCommand("c-1", noteId, "DMM", null, "Labour migration", "clerk.dupont",
				START.plusSeconds(30));

		this.commands.pipeInput(noteId, JSON.writeValueAsBytes(command));
		this.commands.pipeInput(noteId, "{\"commandId\": null}".getBytes(StandardCharsets.UTF_8));

		JsonNode revision = body(this.routed.readRecord());
		assertThat(revision.get("revision").asInt()).isEqualTo(2);
		assertThat(revision.at("/destination/id").asString()).isEqualTo("DMM");
		assertThat(revision.get("registryNumber").asString()).isEqualTo("IN/2026/000001");
		assertThat(this.deadLetters.readRecordsToList()).singleElement()
			.satisfies((record) -> assertThat(header(record.headers(), "x-valise-error")).isEqualTo("invalid-command"));
	}

	private String send(String sample, String reference, String text) {
		String noteId = UUID.randomUUID().toString();
		ObjectNode body = SampleNoteEvents.noteReceived(SampleNoteEvents.get(sample), noteId, START);
		((ObjectNode) body.get("note")).put("reference", reference);
		if (text != null) {
			body.put("text", text);
		}
		Headers headers = new RecordHeaders().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		this.received.pipeInput(new TestRecord<>(noteId, JSON.writeValueAsBytes(body), headers));
		return noteId;
	}

	private static JsonNode body(TestRecord<String, byte[]> record) {
		return JSON.readTree(record.value());
	}

	private static String header(Headers headers, String key) {
		return CloudEventHeaders.attribute(headers, key);
	}

	private static Directory directory() {
		InputStream in = RegistryTopologyTests.class.getResourceAsStream("/directory/iom.yml");
		return DirectoryLoader.load(in, "classpath:directory/iom.yml");
	}

}
