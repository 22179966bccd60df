package org.valise.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.valise.contracts.EventContracts;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.platform.security.TrustTestTokens;
import org.valise.routing.SampleNoteEvents.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring test context of the broker tests (each context costs ~10 s here): routing-service on an embedded
 * broker, its directory a copy of {@code iom.yml} in a temporary folder (watched every 200 ms), plus a producer
 * that publishes NoteReceived records as intake does and read_committed readers of what routing writes.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.cloud.stream.kafka.streams.binder.brokers=${spring.embedded.kafka.brokers}",
		"spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${user.dir}/target/streams-state/${random.uuid}",
		"valise.directory.reload-interval=200ms",
		"valise.clerks.command-timeout=30s" })
@EmbeddedKafka(partitions = 3, topics = { BrokerTestSupport.RECEIVED, BrokerTestSupport.ROUTED })
@TrustTestTokens
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrokerTestSupport {

	public static final String RECEIVED = "notes.received.v1";

	public static final String ROUTED = "notes.routed.v1";

	public static final String DLQ = "notes.received.v1.dlq";

	/** A registry clerk's bearer token. */
	public static final String TOKEN = TestTokens.token("registry", Role.CLERK, null);

	/** The directory file the application watches: a copy of {@code iom.yml}. */
	protected static final Path DIRECTORY_FILE = copyOfIomDirectory();

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final AtomicInteger SENT = new AtomicInteger();

	protected final EventContracts contracts = EventContracts.load();

	/** Every NoteRouted read so far, by note id, in the order read. */
	protected final Map<String, List<ConsumerRecord<String, String>>> routed = new LinkedHashMap<>();

	/** Every dead letter read so far, by key, in the order read. */
	protected final Map<String, List<ConsumerRecord<String, String>>> deadLetters = new LinkedHashMap<>();

	@Autowired
	protected EmbeddedKafkaBroker broker;

	@Autowired
	protected MockMvcTester mvc;

	protected KafkaProducer<String, String> producer;

	private KafkaConsumer<String, String> routedReader;

	private KafkaConsumer<String, String> deadLetterReader;

	@DynamicPropertySource
	static void watchedDirectory(DynamicPropertyRegistry registry) {
		registry.add("valise.directory.location", () -> DIRECTORY_FILE.toUri().toString());
	}

	@BeforeAll
	void connect() {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
				new StringSerializer());
		this.routedReader = reader(ROUTED);
		this.deadLetterReader = reader(DLQ);
	}

	@AfterAll
	void disconnect() {
		this.producer.close();
		this.routedReader.close();
		this.deadLetterReader.close();
	}

	/** A read_committed consumer of every partition of the topic, from the beginning. */
	protected KafkaConsumer<String, String> reader(String topic) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = List.of(0, 1, 2).stream().map(p -> new TopicPartition(topic, p)).toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return consumer;
	}

	/** Publishes the sample as intake would, under a new note id and a reference of its own; returns the note id. */
	protected String send(Sample sample) {
		String noteId = UUID.randomUUID().toString();
		send(noteId, noteReceived(sample, noteId, uniqueReference(sample)));
		return noteId;
	}

	/** A contract-valid NoteReceived body for the sample. */
	protected static ObjectNode noteReceived(Sample sample, String noteId, String reference) {
		ObjectNode body = SampleNoteEvents.noteReceived(sample, noteId, Instant.now());
		((ObjectNode) body.get("note")).put("reference", reference);
		return body;
	}

	/** A reference no other note of this run has, so that the registry does not take the note for a duplicate. */
	protected static String uniqueReference(Sample sample) {
		JsonNode reference = sample.fields().get("reference");
		return reference == null || reference.isNull() ? null
				: reference.asString() + " (test " + RUN + "-" + SENT.incrementAndGet() + ")";
	}

	/** Publishes a NoteReceived body after checking it honours the contract. */
	protected void send(String noteId, ObjectNode body) {
		String json = body.toString();
		Headers headers = ceHeaders(noteId, Instant.now());
		this.contracts.assertHonoured(RECEIVED, noteId, headers, json);
		this.producer.send(new ProducerRecord<>(RECEIVED, null, noteId, json, headers));
		this.producer.flush();
	}

	/** Publishes a raw value, contract or not. */
	protected void sendRaw(String key, String value) {
		this.producer.send(new ProducerRecord<>(RECEIVED, null, key, value, ceHeaders(key, Instant.now())));
		this.producer.flush();
	}

	protected static Headers ceHeaders(String noteId, Instant time) {
		RecordHeaders headers = new RecordHeaders();
		Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/valise/intake-service",
				"ce_type", "org.valise.note.received.v1", "ce_subject", String.valueOf(noteId), "ce_time",
				time.toString(), "content-type", "application/json")
			.forEach((key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
		return headers;
	}

	/** Waits until at least that many NoteRouted records of the note have been read. */
	protected void awaitRouted(String noteId, int count) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			poll();
			assertThat(this.routed.getOrDefault(noteId, List.of())).hasSizeGreaterThanOrEqualTo(count);
		});
	}

	protected void awaitRouted(String noteId) {
		awaitRouted(noteId, 1);
	}

	protected void awaitDeadLetter(String key) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			pollDeadLetters();
			assertThat(this.deadLetters).containsKey(key);
		});
	}

	protected void poll() {
		for (ConsumerRecord<String, String> record : this.routedReader.poll(Duration.ofMillis(200))) {
			this.routed.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
		}
	}

	protected void pollDeadLetters() {
		for (ConsumerRecord<String, String> record : this.deadLetterReader.poll(Duration.ofMillis(200))) {
			this.deadLetters.computeIfAbsent(String.valueOf(record.key()), k -> new ArrayList<>()).add(record);
		}
	}

	/** The first NoteRouted body of the note. */
	protected JsonNode body(String noteId) {
		return body(noteId, 0);
	}

	protected JsonNode body(String noteId, int index) {
		return SampleNoteEvents.JSON.readTree(this.routed.get(noteId).get(index).value());
	}

	/** Checks every NoteRouted record read so far against the contract. */
	protected void assertAllHonoured() {
		this.routed.values().forEach(records -> records.forEach(this::assertHonoured));
	}

	protected void assertHonoured(ConsumerRecord<String, String> record) {
		this.contracts.assertHonoured(ROUTED, record.key(), record.headers(), record.value());
	}

	protected static String header(Headers headers, String key) {
		return headers.lastHeader(key) == null ? null
				: new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
	}

	/** Writes the directory file the application watches. */
	protected static void writeDirectory(String yaml) {
		try {
			Path next = Files.createTempFile(DIRECTORY_FILE.getParent(), "directory", ".tmp");
			Files.writeString(next, yaml, StandardCharsets.UTF_8);
			Files.move(next, DIRECTORY_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected static String iomDirectory() {
		try (InputStream in = BrokerTestSupport.class.getResourceAsStream("/directory/iom.yml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path copyOfIomDirectory() {
		try {
			Path folder = Files.createTempDirectory("valise-directory");
			Path file = folder.resolve("directory.yml");
			Files.writeString(file, iomDirectory(), StandardCharsets.UTF_8);
			file.toFile().deleteOnExit();
			folder.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
