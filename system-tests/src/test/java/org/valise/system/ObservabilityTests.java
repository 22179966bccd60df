package org.valise.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.valise.samples.SampleNotes;

import org.valise.platform.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see of the packaged intake and routing services over a real broker: the real Prometheus server
 * scrapes them and has the notes, the metrics named for them are there, the alert rules load, and a note's trace
 * runs from the HTTP request through NoteReceived and NoteRouted and into both services' logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTests {

	private static final String TOKEN = RunningSystem.REGISTRY_TOKEN;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<AutoCloseable> running = new ArrayList<>();

	private EmbeddedKafkaKraftBroker broker;

	private ServiceProcess intake;

	private ServiceProcess routing;

	private PrometheusProcess prometheus;

	private String referenceNoteId;

	private Path state;

	@BeforeAll
	void startSystem() throws Exception {
		PrometheusProcess.binary();
		this.broker = new EmbeddedKafkaKraftBroker(1, 3);
		this.broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
				"group.initial.rebalance.delay.ms", "0"));
		this.broker.afterPropertiesSet();
		this.state = Files.createTempDirectory("valise-observability-state");
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", this.broker.getBrokersAsString(),
				"VALISE_STATE_DIR", this.state.toString());
		this.routing = started(ServiceProcess.start("routing-service", ServiceProcess.freePort(), environment));
		this.intake = started(ServiceProcess.start("intake-service", ServiceProcess.freePort(), environment));
		this.routing.awaitReady(Duration.ofSeconds(150));
		this.intake.awaitReady(Duration.ofSeconds(150));

		// a little work, so that every metric has a series: accepted, triaged, parsed, refused, dead-lettered
		this.referenceNoteId = accept(SampleNotes.text("seed-cambodia-iom-2021-01-105.txt"));
		accept(SampleNotes.text("dev-10-junk-spam-consignment.txt"));
		assertThat(post("/api/v1/notes/parse", "No. 2021/01/105 — a note to read only").statusCode()).isEqualTo(200);
		assertThat(post("/api/v1/notes", " ").statusCode()).isEqualTo(400);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("notes.received.v1", UUID.randomUUID().toString(), "not json")).get();
		}

		this.prometheus = PrometheusProcess.start(
				Map.of("intake-service", this.intake.port(), "routing-service", this.routing.port()),
				Path.of(System.getProperty("valise.root", "..")).resolve("deploy/prometheus/alerts.yml"));
		this.running.add(this.prometheus);
	}

	@AfterAll
	void stopSystem() throws Exception {
		for (int i = this.running.size() - 1; i >= 0; i--) {
			this.running.get(i).close();
		}
		if (this.broker != null) {
			this.broker.destroy();
		}
		if (this.state != null) {
			try (Stream<Path> files = Files.walk(this.state)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

	@Test
	void prometheusScrapesTheNotesIntakeReceivedAndWhatRoutingDid() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(this.prometheus.value("sum(valise_notes_received_total)")).as(this.prometheus.targets())
				.isNotNull()
				.isGreaterThanOrEqualTo(2.0);
			assertThat(this.prometheus.value("sum(valise_notes_routed_total)")).isNotNull().isGreaterThanOrEqualTo(2.0);
			assertThat(this.prometheus.value("sum(valise_notes_triaged_total)")).isNotNull().isGreaterThanOrEqualTo(1.0);
			assertThat(this.prometheus.value("sum(valise_note_routing_latency_seconds_count)")).isNotNull()
				.isGreaterThanOrEqualTo(2.0);
			assertThat(this.prometheus.query("kafka_consumer_fetch_manager_records_lag_max{service=\"routing-service\"}"))
				.isNotEmpty();
		});
		assertThat(this.prometheus.query("up{job=\"valise\"}"))
			.extracting(series -> series.at("/metric/service").asString() + "=" + series.at("/value/1").asString())
			.containsExactlyInAnyOrder("intake-service=1", "routing-service=1");
		assertThat(this.prometheus.query("valise_notes_received_total"))
			.allSatisfy(series -> assertThat(series.at("/metric/service").asString()).isEqualTo("intake-service"));
	}

	@Test
	void prometheusLoadsAndEvaluatesEveryAlertRule() {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			List<JsonNode> rules = this.prometheus.rules();
			assertThat(rules).hasSizeGreaterThanOrEqualTo(12)
				.allSatisfy(rule -> assertThat(rule.path("health").asString())
					.as(rule.path("name").asString() + ": " + rule.path("lastError").asString())
					.isEqualTo("ok"));
		});
	}

	@Test
	void servicesExposeEveryMetricNamedForThem() {
		Map<String, ServiceProcess> services = Map.of("intake-service", this.intake, "routing-service", this.routing);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (Map.Entry<String, List<String>> service : ExposedMetrics.BY_SERVICE.entrySet()) {
				String scraped = get(services.get(service.getKey()), "/actuator/prometheus");
				assertThat(service.getValue()).as(service.getKey())
					.allSatisfy(name -> assertThat(scraped).containsPattern("(?m)^" + name + "[{ ]"));
			}
		});
	}

	@Test
	void aNotesTraceRunsFromTheRequestThroughNoteReceivedAndNoteRoutedIntoBothLogs() throws IOException {
		ConsumerRecord<String, String> received = awaitRecord("notes.received.v1", this.referenceNoteId);
		ConsumerRecord<String, String> routed = awaitRecord("notes.routed.v1", this.referenceNoteId);

		String traceparent = header(received, "traceparent");
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		String traceId = traceparent.split("-")[1];
		assertThat(header(received, "ce_traceid")).isEqualTo(traceId);
		assertThat(header(routed, "traceparent")).startsWith("00-" + traceId + "-").isNotEqualTo(traceparent);
		assertThat(header(routed, "ce_traceid")).isEqualTo(traceId);
		assertThat(logLines("intake-service", "Accepted note " + this.referenceNoteId)).singleElement()
			.asString()
			.contains(traceId);
		assertThat(logLines("routing-service", "Published note " + this.referenceNoteId)).singleElement()
			.asString()
			.contains(traceId);
	}

	private ServiceProcess started(ServiceProcess service) {
		this.running.add(service);
		return service;
	}

	private String accept(String note) throws Exception {
		HttpResponse<String> accepted = post("/api/v1/notes", note);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return this.json.readTree(accepted.body()).get("noteId").asString();
	}

	private HttpResponse<String> post(String path, String text) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.intake.uri(path))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** What the scraper reads (its credentials of the local profile). */
	private String get(ServiceProcess service, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(service.uri(path))
			.header("Authorization", TestTokens.scraperAuthorization())
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private ConsumerRecord<String, String> awaitRecord(String topic, String noteId) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(), ConsumerConfig.GROUP_ID_CONFIG,
				"observability-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			return await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().filter(record -> noteId.equals(record.key())).findFirst().orElse(null);
			}, record -> record != null);
		}
	}

	private List<String> logLines(String service, String containing) {
		ServiceProcess process = service.equals("intake-service") ? this.intake : this.routing;
		return process.log()
			.lines()
			.filter(line -> line.contains(containing))
			.toList();
	}

	private static String header(ConsumerRecord<String, String> record, String key) {
		Header header = record.headers().lastHeader(key);
		return (header == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
