package org.valise.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.valise.contracts.EventContracts;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.platform.security.TrustTestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every broker test class shares (same annotations, so the context cache reuses it): the
 * service on an embedded KRaft broker, a GreenMail SMTP server and a JDK HTTP server receiving webhooks, with short
 * retry, dispatch and escalation timings. Reads notes.delivery.v1 back read_committed and checks every record
 * against the contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${java.io.tmpdir}/notification-service-tests/${random.uuid}",
		"spring.mail.host=127.0.0.1",
		"valise.delivery.dispatch-interval=PT0.2S",
		"valise.delivery.attempt-timeout=PT20S",
		"valise.delivery.text-wait=PT0S",
		"valise.delivery.max-attempts=3",
		"valise.delivery.initial-backoff=PT0.2S",
		"valise.delivery.multiplier=2",
		"valise.delivery.max-backoff=PT1S",
		"valise.webhooks.require-https=false",
		"valise.webhooks.request-timeout=PT5S",
		"valise.webhooks.secrets.DOE=" + BrokerTestSupport.DOE_SECRET,
		"valise.webhooks.secrets.OLA=" + BrokerTestSupport.OLA_SECRET,
		"valise.escalation.scan-interval=PT0.5S",
		"valise.escalation.step=PT4S",
		"valise.acknowledgement.reply-timeout=PT30S" })
@EmbeddedKafka(partitions = 3, topics = { BrokerTestSupport.RECEIVED, BrokerTestSupport.ROUTED,
		BrokerTestSupport.DELIVERY })
@TrustTestTokens
abstract class BrokerTestSupport {

	static final String RECEIVED = "notes.received.v1";

	static final String ROUTED = "notes.routed.v1";

	static final String DELIVERY = "notes.delivery.v1";

	static final String DIRECTORY = "directory.v1";

	static final String DOE_SECRET = "doe-webhook-secret-for-tests";

	static final String OLA_SECRET = "ola-webhook-secret-for-tests";

	static final String OPERATOR_TOKEN = TestTokens.token(Role.OPERATOR);

	/** A registry clerk's token: reads every note whole. */
	static final String CLERK_TOKEN = TestTokens.token(Role.CLERK);

	static final Duration WAIT = Duration.ofSeconds(60);

	static final EventContracts contracts = EventContracts.load();

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newHttpClient();

	// Started once for the JVM: the shared Spring context keeps pointing at them.
	static final GreenMail greenMail = startMail();

	static final WebhookReceiver webhooks = new WebhookReceiver();

	private static KafkaProducer<String, String> producer;

	private static KafkaConsumer<String, String> deliveryReader;

	private static final List<ConsumerRecord<String, String>> deliveryRecords = new ArrayList<>();

	private static final List<String> contractViolations = new ArrayList<>();

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@BeforeEach
	void connectOnceTheServiceIsReady(@Autowired EmbeddedKafkaBroker broker) {
		await().atMost(WAIT).until(() -> get("/actuator/health/readiness").statusCode() == 200);
		synchronized (BrokerTestSupport.class) {
			if (producer != null) {
				return;
			}
			String brokers = broker.getBrokersAsString();
			Properties producerProperties = new Properties();
			producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
			producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
			producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
			publishDirectory();
			Properties consumerProperties = new Properties();
			consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
			consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			deliveryReader = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer());
			List<TopicPartition> partitions = List.of(new TopicPartition(DELIVERY, 0), new TopicPartition(DELIVERY, 1),
					new TopicPartition(DELIVERY, 2));
			deliveryReader.assign(partitions);
			deliveryReader.seekToBeginning(partitions);
		}
	}

	/** Every record written so far (read so far) honours the contract. */
	@AfterEach
	void everyRecordWrittenHonoursTheContract() {
		readDeliveryTopic();
		assertThat(contractViolations).isEmpty();
	}

	// --- Kafka

	/** Publishes an event as intake or routing would; returns its ce_id. */
	String publish(String topic, String type, String source, UUID noteId, Instant time, String body) throws Exception {
		return publish(topic, type, source, noteId, time, body, Map.of());
	}

	/** Publishes an event as intake or routing would, with more headers (e.g. traceparent); returns its ce_id. */
	String publish(String topic, String type, String source, UUID noteId, Instant time, String body,
			Map<String, String> moreHeaders) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, noteId.toString(), body);
		moreHeaders.forEach((name, value) -> header(record, name, value));
		String eventId = UUID.randomUUID().toString();
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", eventId);
		header(record, "ce_source", source);
		header(record, "ce_type", type);
		header(record, "ce_subject", noteId.toString());
		header(record, "ce_time", time.toString());
		header(record, "content-type", "application/json");
		contracts.assertHonoured(topic, record.key(), record.headers(), body);
		producer.send(record).get();
		return eventId;
	}

	String publishRouted(UUID noteId, Instant at, String body) throws Exception {
		return publish(ROUTED, "org.valise.note.routed.v1", "/valise/routing-service", noteId, at, body);
	}

	String publishReceived(UUID noteId, Instant at, String body) throws Exception {
		return publish(RECEIVED, "org.valise.note.received.v1", "/valise/intake-service", noteId, at, body);
	}

	/**
	 * Publishes the test directory on directory.v1, one record per office, as routing-service does (the offices of
	 * {@code directory-offices.json}: the organisation's head, its deputies, departments and the triage office).
	 */
	private static void publishDirectory() {
		try (var in = BrokerTestSupport.class.getResourceAsStream("/directory-offices.json")) {
			for (JsonNode office : json.readTree(in)) {
				producer.send(new ProducerRecord<>(DIRECTORY, office.get("id").asString(), office.toString())).get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish the test directory", ex);
		}
	}

	static KafkaProducer<String, String> producer() {
		return producer;
	}

	static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** Reads what was committed to notes.delivery.v1 since the last read, checking each record against the contract. */
	static synchronized List<ConsumerRecord<String, String>> readDeliveryTopic() {
		for (ConsumerRecord<String, String> record : deliveryReader.poll(Duration.ofMillis(100))) {
			deliveryRecords.add(record);
			List<String> violations = contracts.violations(DELIVERY, record.key(), record.headers(), record.value());
			violations.forEach((violation) -> contractViolations.add(header(record, "ce_type") + ": " + violation));
		}
		return List.copyOf(deliveryRecords);
	}

	/** The records of a note on notes.delivery.v1 read so far, of the given type. */
	static List<ConsumerRecord<String, String>> deliveryRecords(UUID noteId, String type) {
		return readDeliveryTopic().stream()
			.filter((record) -> noteId.toString().equals(record.key()) && type.equals(header(record, "ce_type")))
			.toList();
	}

	static ConsumerRecord<String, String> awaitDeliveryRecord(String type, UUID noteId) {
		return awaitDeliveryRecord(type, noteId, (body) -> true);
	}

	static ConsumerRecord<String, String> awaitDeliveryRecord(String type, UUID noteId, Predicate<JsonNode> matching) {
		return await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> deliveryRecords(noteId, type).stream()
				.filter((record) -> matching.test(json.readTree(record.value())))
				.findFirst()
				.orElse(null), (record) -> record != null);
	}

	// --- HTTP

	/** A GET as a registry clerk (who may read every note). */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, CLERK_TOKEN);
	}

	HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** What Prometheus scrapes (with the scraper's credentials of the local profile). */
	String metrics() throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
			.header("Authorization", TestTokens.scraperAuthorization())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
	}

	/** An office's token. */
	static String office(String officeId) {
		return TestTokens.office(officeId);
	}

	HttpResponse<String> post(String path, String token, String contentType, String body, String accept)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> acknowledge(UUID noteId, String token, String body) throws IOException, InterruptedException {
		return post("/api/v1/notes/" + noteId + "/acknowledgements", token, "application/json", body, null);
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	JsonNode awaitTracking(UUID noteId, Predicate<JsonNode> until) {
		return await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			HttpResponse<String> response = get("/api/v1/notes/" + noteId);
			return (response.statusCode() == 200) ? json.readTree(response.body()) : null;
		}, (tracking) -> tracking != null && until.test(tracking));
	}

	JsonNode awaitState(UUID noteId, String state) {
		return awaitTracking(noteId, (tracking) -> state.equals(tracking.path("state").asString()));
	}

	static List<String> events(JsonNode tracking) {
		List<String> events = new ArrayList<>();
		tracking.path("timeline").forEach((entry) -> events.add(entry.path("event").asString()));
		return events;
	}

	static JsonNode problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return json.readTree(response.body());
	}

	// --- Mail

	/** The mails about a note (X-Valise-Note-Id) sent to an address. */
	static List<MimeMessage> mailsFor(UUID noteId, String address) {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage mail : greenMail.getReceivedMessages()) {
			try {
				String[] ids = mail.getHeader("X-Valise-Note-Id");
				if (ids != null && noteId.toString().equals(ids[0])
						&& mail.getAllRecipients()[0].toString().equals(address)) {
					mails.add(mail);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mails;
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	// --- Notes

	static Map<String, Object> referenceNoteFields(String text) {
		Map<String, Object> note = fields("en", "2021/01/105", "2021-01-28", "Geneva",
				"Permanent Mission of the Kingdom of Cambodia to the United Nations Office and other International "
						+ "Organisations at Geneva");
		Map<String, Object> evidence = new LinkedHashMap<>();
		span(evidence, "reference", text, "2021/01/105");
		span(evidence, "highestDestination", text, "conveyed to its highest destination");
		note.put("recipientHead", "Director General");
		note.put("enclosures", List.of(Map.of("title", "Letter of the Prime Minister of the Kingdom of Cambodia",
				"author", "Samdech Akka Moha Sena Padei Techo HUN Sen, Prime Minister of the Kingdom of Cambodia",
				"addressee", "H.E. Mr. Antonio Vitorino, Director General")));
		note.put("requestedAction", "convey the letter to its highest destination");
		note.put("highestDestination", true);
		note.put("scripts", List.of("Latin", "Khmer"));
		note.put("subject", "Cambodia as a GCM champion country");
		note.put("evidence", evidence);
		return note;
	}

	static Map<String, Object> fields(String language, String reference, String date, String place, String sender) {
		Map<String, Object> note = new LinkedHashMap<>();
		note.put("docType", "note_verbale");
		note.put("language", language);
		note.put("reference", reference);
		note.put("inReplyTo", null);
		note.put("date", date);
		note.put("place", place);
		note.put("sender", sender);
		note.put("recipient", "International Organization for Migration");
		note.put("recipientHead", null);
		note.put("enclosures", List.of());
		note.put("requestedAction", null);
		note.put("highestDestination", false);
		note.put("confidential", false);
		note.put("scripts", List.of("Latin"));
		note.put("subject", null);
		note.put("evidence", Map.of());
		return note;
	}

	private static void span(Map<String, Object> evidence, String field, String text, String quote) {
		int start = Math.max(text.indexOf(quote), 0);
		evidence.put(field, Map.of("start", start, "end", start + quote.length(), "text", quote));
	}

	static Map<String, Object> office(String id, String name, List<Map<String, String>> channels) {
		Map<String, Object> office = new LinkedHashMap<>();
		office.put("id", id);
		office.put("name", name);
		office.put("headTitle", null);
		office.put("holder", null);
		office.put("channels", channels);
		return office;
	}

	static Map<String, String> email(String address) {
		return Map.of("type", "email", "address", address);
	}

	static Map<String, String> webhook(String url) {
		return Map.of("type", "webhook", "address", url);
	}

	static String noteReceived(UUID noteId, Instant receivedAt, Map<String, Object> note, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("noteId", noteId.toString());
		body.put("receivedAt", receivedAt.toString());
		body.put("format", "text");
		body.put("fileName", null);
		body.put("idempotencyKey", null);
		body.put("submittedBy", "registry-clerk");
		body.put("note", note);
		body.put("text", text);
		return json.writeValueAsString(body);
	}

	/** A NoteRouted body (revision 1, by rules) to change with {@link Routing}'s methods. */
	static Routing routing(UUID noteId, String registryNumber, Map<String, Object> destination) {
		return new Routing(noteId, registryNumber, destination);
	}

	/** A NoteRouted body under construction. */
	static final class Routing {

		private final Map<String, Object> body = new LinkedHashMap<>();

		Routing(UUID noteId, String registryNumber, Map<String, Object> destination) {
			Instant now = Instant.now();
			this.body.put("noteId", noteId.toString());
			this.body.put("registryNumber", registryNumber);
			this.body.put("registeredAt", now.toString());
			this.body.put("routedAt", now.toString());
			this.body.put("outcome", "ROUTED");
			this.body.put("destination", destination);
			this.body.put("copies", List.of());
			this.body.put("priority", "NORMAL");
			this.body.put("acknowledgementDeadline", now.plus(Duration.ofDays(3)).toString());
			this.body.put("explanation", Map.of("rule", "subject", "summary", "The subject is the office's.",
					"evidence", List.of()));
			this.body.put("receivedAt", now.minusSeconds(60).toString());
			this.body.put("note", fields("en", "REF/1", "2026-01-15", "Geneva", "Permanent Mission of Testland"));
			this.body.put("text", "text of the note");
			this.body.put("revision", 1);
			this.body.put("decidedBy", "rules");
			this.body.put("reason", null);
		}

		Routing set(String key, Object value) {
			this.body.put(key, value);
			return this;
		}

		Routing deadline(Instant deadline) {
			return set("acknowledgementDeadline", deadline.toString());
		}

		Routing note(Map<String, Object> note) {
			return set("note", note);
		}

		Routing registeredAt(Instant at) {
			return set("registeredAt", at.toString()).set("routedAt", at.toString());
		}

		String json() {
			return BrokerTestSupport.json.writeValueAsString(this.body);
		}

	}

}
