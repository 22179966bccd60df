package org.valise.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.valise.contracts.EventContracts;
import org.valise.routing.SampleNotes.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry end to end on a real (embedded) broker: contract-valid NoteReceived records in, NoteRouted records
 * out, read back as a downstream registry would ({@code read_committed}).
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.state-dir=${user.dir}/target/streams-state/${random.uuid}",
		"spring.kafka.streams.cleanup.on-shutdown=true" })
@EmbeddedKafka(partitions = 3, topics = { RoutingServiceIntegrationTests.RECEIVED, RoutingServiceIntegrationTests.ROUTED })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingServiceIntegrationTests {

	static final String RECEIVED = "notes.received.v1";

	static final String ROUTED = "notes.routed.v1";

	private static final String SEED = "seed-cambodia-iom-2021-01-105.txt";

	private final EventContracts contracts = EventContracts.load();

	/** Every NoteRouted read so far, by note id, in the order read. */
	private final Map<String, List<ConsumerRecord<String, String>>> routed = new LinkedHashMap<>();

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry meters;

	private KafkaProducer<String, String> producer;

	private KafkaConsumer<String, String> consumer;

	@BeforeAll
	void connect() {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
				new StringSerializer());
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = List.of(0, 1, 2).stream().map(p -> new TopicPartition(ROUTED, p)).toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	@AfterAll
	void disconnect() {
		this.producer.close();
		this.consumer.close();
	}

	@Test
	@Order(1)
	void registersAndRoutesEachNoteExactlyOnceWithGapFreeNumbers() {
		// given
		List<String> files = List.of(SEED, "dev-04-nepal-department-policy-research.txt",
				"dev-06-sri-lanka-two-enclosures-minister-and-ambassador.txt");
		List<String> noteIds = new ArrayList<>();

		// when: each note in turn, as intake publishes them
		for (String file : files) {
			String noteId = send(SampleNotes.get(file));
			noteIds.add(noteId);
			awaitRouted(noteId);
		}

		// then
		String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
		assertThat(noteIds).extracting(id -> body(id).get("registryNumber").asString())
			.containsExactly("IN/" + year + "/000001", "IN/" + year + "/000002", "IN/" + year + "/000003");
		JsonNode seed = body(noteIds.get(0));
		assertThat(seed.get("destination").get("name").asString()).isEqualTo("Office of the Director General");
		assertThat(seed.get("destination").get("holder").asString()).isEqualTo("Amy Pope");
		assertThat(seed.get("outcome").asString()).isEqualTo("ROUTED");
		assertThat(seed.get("priority").asString()).isEqualTo("HIGH");
		assertThat(seed.get("explanation").get("rule").asString()).isEqualTo("highest-destination");
		assertThat(seed.get("explanation").get("evidence").get(0).asString())
			.contains("conveyed to its highest destination");
		assertThat(seed.get("note").get("reference").asString()).isEqualTo("2021/01/105");
		assertThat(seed.get("text").asString()).isEqualTo(SampleNotes.get(SEED).text());
		assertThat(Instant.parse(seed.get("acknowledgementDeadline").asString()))
			.isEqualTo(Instant.parse(seed.get("routedAt").asString()).plus(Duration.ofDays(2)));
		assertThat(body(noteIds.get(1)).get("destination").get("id").asString()).isEqualTo("DPR");
		assertThat(body(noteIds.get(2)).get("copies").get(0).get("office").get("id").asString()).isEqualTo("DDGO");
		assertThat(header(this.routed.get(noteIds.get(0)).get(0).headers(), "ce_source"))
			.isEqualTo("/valise/routing-service");
		// exactly once: one record per note, nothing else, after another look at the topic
		poll();
		assertThat(this.routed).containsOnlyKeys(noteIds).allSatisfy((id, records) -> assertThat(records).hasSize(1));
		this.routed.values().forEach(records -> records.forEach(this::assertHonoured));
	}

	@Test
	@Order(2)
	void skipsMalformedRecordsAndRoutesTheNextNote() {
		// given
		String notJson = UUID.randomUUID().toString();
		String noNoteId = UUID.randomUUID().toString();
		this.producer.send(new ProducerRecord<>(RECEIVED, null, notJson, "this is not { JSON",
				ceHeaders(notJson, Instant.now())));
		this.producer.send(new ProducerRecord<>(RECEIVED, null, noNoteId, "{\"receivedAt\":\"2026-11-25T10:15:30Z\"}",
				ceHeaders(noNoteId, Instant.now())));

		// when
		String noteId = send(SampleNotes.get("dev-12-uruguay-protocol-credentials-es.txt"));
		awaitRouted(noteId);

		// then
		String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
		assertThat(body(noteId).get("registryNumber").asString()).isEqualTo("IN/" + year + "/000004");
		assertThat(body(noteId).get("destination").get("name").asString()).isEqualTo("Protocol Office");
		assertThat(this.routed).doesNotContainKeys(notJson, noNoteId);
		assertHonoured(this.routed.get(noteId).get(0));
	}

	@Test
	@Order(3)
	void servesTheDirectoryHealthAndRoutedNoteCounts() {
		assertThat(this.mvc.get().uri("/api/v1/directory")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly("ODG", "DDGO", "DDGMR", "DMM", "DPR", "DOE", "OLA", "PROTOCOL", "TRIAGE");
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
		assertThat(this.meters.counter("valise.notes.routed", "office", "ODG", "rule", "highest-destination").count())
			.isEqualTo(1.0);
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("valise_notes_routed_total{application=\"routing-service\",office=\"PROTOCOL\",rule=\"recipient-office\"} 1.0");
	}

	/** Publishes a contract-valid NoteReceived for the sample, as intake would; returns its note id. */
	private String send(Sample sample) {
		String noteId = UUID.randomUUID().toString();
		Instant receivedAt = Instant.now();
		ObjectNode body = SampleNotes.noteReceived(sample, noteId, receivedAt);
		if (sample.file().equals(SEED)) {
			String phrase = "conveyed to its highest destination";
			int start = sample.text().indexOf(phrase);
			ObjectNode span = ((ObjectNode) body.get("note")).putObject("evidence").putObject("highestDestination");
			span.put("start", start).put("end", start + phrase.length()).put("text", phrase);
		}
		String json = body.toString();
		Headers headers = ceHeaders(noteId, receivedAt);
		this.contracts.assertHonoured(RECEIVED, noteId, headers, json);
		this.producer.send(new ProducerRecord<>(RECEIVED, null, noteId, json, headers));
		this.producer.flush();
		return noteId;
	}

	private static Headers ceHeaders(String noteId, Instant time) {
		RecordHeaders headers = new RecordHeaders();
		Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/valise/intake-service",
				"ce_type", "org.valise.note.received.v1", "ce_subject", noteId, "ce_time", time.toString(),
				"content-type", "application/json")
			.forEach((key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
		return headers;
	}

	private void awaitRouted(String noteId) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			poll();
			assertThat(this.routed).containsKey(noteId);
		});
	}

	private void poll() {
		for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(500))) {
			this.routed.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
		}
	}

	private JsonNode body(String noteId) {
		return SampleNotes.JSON.readTree(this.routed.get(noteId).get(0).value());
	}

	private void assertHonoured(ConsumerRecord<String, String> record) {
		this.contracts.assertHonoured(ROUTED, record.key(), record.headers(), record.value());
	}

	private static String header(Headers headers, String key) {
		return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
	}

}
