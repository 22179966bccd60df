package org.valise.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.valise.contracts.EventContracts;
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
 * The service end to end on a real (embedded) Kafka broker and a real (GreenMail) SMTP server: the reference note is
 * received and routed, e-mailed to its office, tracked, and acknowledged by the right office only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
		"spring.kafka.streams.state-dir=${java.io.tmpdir}/notification-service-tests/${random.uuid}",
		"spring.kafka.streams.cleanup.on-shutdown=true",
		"spring.mail.host=127.0.0.1" })
@EmbeddedKafka(partitions = 3, topics = { NotificationServiceIntegrationTests.RECEIVED,
		NotificationServiceIntegrationTests.ROUTED, NotificationServiceIntegrationTests.DELIVERY })
class NotificationServiceIntegrationTests {

	static final String RECEIVED = "notes.received.v1";

	static final String ROUTED = "notes.routed.v1";

	static final String DELIVERY = "notes.delivery.v1";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static final EventContracts contracts = EventContracts.load();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static KafkaProducer<String, String> producer;

	private static KafkaConsumer<String, String> deliveryReader;

	private static final List<ConsumerRecord<String, String>> deliveryRecords = new ArrayList<>();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@BeforeEach
	void connectOnceTheServiceIsReady(@Autowired EmbeddedKafkaBroker broker) {
		await().atMost(WAIT).until(() -> get("/actuator/health/readiness").statusCode() == 200);
		if (producer != null) {
			return;
		}
		String brokers = broker.getBrokersAsString();
		Properties producerProperties = new Properties();
		producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
		Properties consumerProperties = new Properties();
		consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		deliveryReader = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = List.of(new TopicPartition(DELIVERY, 0), new TopicPartition(DELIVERY, 1),
				new TopicPartition(DELIVERY, 2));
		deliveryReader.assign(partitions);
		deliveryReader.seekToBeginning(partitions);
	}

	@AfterAll
	static void disconnect() {
		if (producer != null) {
			producer.close();
			deliveryReader.close();
		}
	}

	@Test
	void deliversTracksAndTakesTheAcknowledgementOfTheReferenceNote() throws Exception {
		// given the reference note, received by intake and routed by the registry to the Director General's office
		UUID noteId = UUID.randomUUID();
		String text = Files.readString(seedNote(), StandardCharsets.UTF_8);
		Instant receivedAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> note = referenceNoteFields(text);

		// when intake and routing publish their events
		publish(RECEIVED, "org.valise.note.received.v1", "/valise/intake-service", noteId, receivedAt,
				noteReceived(noteId, receivedAt, note, text));
		publish(ROUTED, "org.valise.note.routed.v1", "/valise/routing-service", noteId, receivedAt.plusSeconds(60),
				noteRouted(noteId, receivedAt, note, text, "ODG", "Office of the Director General",
						List.of(Map.of("type", "email", "address", "odg@iom.example.org"))));

		// then the office's mailbox gets the note: registry number, explanation and Khmer text intact
		await().atMost(WAIT).until(() -> mailsTo("odg@iom.example.org").size() == 1);
		MimeMessage mail = mailsTo("odg@iom.example.org").get(0);
		assertThat(mail.getSubject()).isEqualTo("[IN/2026/000001] Note No. 2021/01/105 from Permanent Mission of the "
				+ "Kingdom of Cambodia to the United Nations Office and other International Organisations at Geneva"
				+ " — for Office of the Director General");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("registry@valise.local");
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		for (int i = 0; i < 2; i++) {
			assertThat((String) parts.getBodyPart(i).getContent()).contains("IN/2026/000001", "highest-destination",
					"The note asks that the letter of the Prime Minister be conveyed to its highest destination",
					"ព្រះរាជាណាចក្រកម្ពុជា", "ជាតិ សាសនា ព្រះមហាក្សត្រ",
					"/api/v1/notes/" + noteId + "/acknowledgements");
		}
		assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).contains(text.strip());

		// and NoteDelivered is on notes.delivery.v1, honouring the contract
		ConsumerRecord<String, String> delivered = awaitDeliveryRecord("org.valise.note.delivered.v1", noteId);
		contracts.assertHonoured(DELIVERY, delivered.key(), delivered.headers(), delivered.value());
		JsonNode deliveredBody = json.readTree(delivered.value());
		assertThat(deliveredBody.path("address").asString()).isEqualTo("odg@iom.example.org");
		assertThat(deliveredBody.path("office").path("id").asString()).isEqualTo("ODG");

		// and the tracking view shows the note delivered, its timeline in order
		JsonNode tracking = awaitState(noteId, "DELIVERED");
		assertThat(tracking.path("registryNumber").asString()).isEqualTo("IN/2026/000001");
		assertThat(tracking.path("destination").path("id").asString()).isEqualTo("ODG");
		assertThat(tracking.path("explanation").path("rule").asString()).isEqualTo("highest-destination");
		assertThat(tracking.path("note").path("reference").asString()).isEqualTo("2021/01/105");
		assertThat(tracking.path("deliveries").get(0).path("address").asString()).isEqualTo("odg@iom.example.org");
		assertThat(events(tracking)).containsExactly("RECEIVED", "ROUTED", "DELIVERED");

		// when another office, then nobody, then no JSON tries to acknowledge
		HttpResponse<String> wrongOffice = acknowledge(noteId, "dev-token-dmm", "{\"acknowledgedBy\": \"Director\"}");
		HttpResponse<String> anonymous = acknowledge(noteId, null, "{\"acknowledgedBy\": \"Someone\"}");
		HttpResponse<String> unknownToken = acknowledge(noteId, "forged", "{\"acknowledgedBy\": \"Someone\"}");
		HttpResponse<String> blank = acknowledge(noteId, "dev-token-odg", "{\"acknowledgedBy\": \"  \"}");

		// then they are refused with problem details
		assertThat(wrongOffice.statusCode()).isEqualTo(403);
		assertThat(problem(wrongOffice).path("detail").asString()).contains("DMM", "ODG");
		assertThat(problem(wrongOffice).path("destinationOffice").asString()).isEqualTo("ODG");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("Bearer"));
		assertThat(problem(anonymous).path("field").asString()).isEqualTo("Authorization");
		assertThat(unknownToken.statusCode()).isEqualTo(401);
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(problem(blank).path("field").asString()).isEqualTo("acknowledgedBy");

		// when the Director General's office acknowledges
		HttpResponse<String> accepted = acknowledge(noteId, "dev-token-odg",
				"{\"acknowledgedBy\": \"Chef de Cabinet\", \"comment\": \"Reçu — merci\"}");

		// then it is accepted, NoteAcknowledged honours the contract and the view follows
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/notes/" + noteId);
		assertThat(json.readTree(accepted.body()).path("office").asString()).isEqualTo("ODG");
		ConsumerRecord<String, String> acknowledged = awaitDeliveryRecord("org.valise.note.acknowledged.v1", noteId);
		contracts.assertHonoured(DELIVERY, acknowledged.key(), acknowledged.headers(), acknowledged.value());
		assertThat(json.readTree(acknowledged.value()).path("comment").asString()).isEqualTo("Reçu — merci");
		JsonNode acknowledgedView = awaitState(noteId, "ACKNOWLEDGED");
		assertThat(events(acknowledgedView)).containsExactly("RECEIVED", "ROUTED", "DELIVERED", "ACKNOWLEDGED");
		assertThat(acknowledgedView.path("acknowledgements").get(0).path("acknowledgedBy").asString())
			.isEqualTo("Chef de Cabinet");

		// and a second acknowledgement is a conflict
		HttpResponse<String> again = acknowledge(noteId, "dev-token-odg", "{\"acknowledgedBy\": \"Chef de Cabinet\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(problem(again).path("state").asString()).isEqualTo("ACKNOWLEDGED");

		// and operators see it: counters and readiness
		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).contains("valise_notes_delivered_total{", "channel=\"email\"",
				"valise_notes_acknowledged_total{");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(json.readTree(readiness.body()).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void skipsUnparseableRecordsAndTracksANoteItCannotDeliver() throws Exception {
		// given a note routed to an office that has only a webhook
		UUID noteId = UUID.randomUUID();
		Instant receivedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> note = referenceNoteFields("text");

		// when a broken record comes first, then routing publishes the note
		ProducerRecord<String, String> broken = new ProducerRecord<>(ROUTED, noteId.toString(), "{\"noteId\": [not json");
		header(broken, "ce_type", "org.valise.note.routed.v1");
		header(broken, "ce_id", UUID.randomUUID().toString());
		producer.send(broken).get();
		publish(ROUTED, "org.valise.note.routed.v1", "/valise/routing-service", noteId, receivedAt.plusSeconds(1),
				noteRouted(noteId, receivedAt, note, "text", "DOE", "Department of Operations and Emergencies",
						List.of(Map.of("type", "webhook", "address", "https://doe.example.org/valise"))));

		// then the view shows it routed and not deliverable, and the tracking goes on
		JsonNode tracking = awaitState(noteId, "ROUTED");
		assertThat(tracking.path("timeline").get(0).path("detail").asString()).contains("not deliverable");
		assertThat(acknowledge(noteId, "dev-token-doe", "{\"acknowledgedBy\": \"Director\"}").statusCode())
			.isEqualTo(409);
	}

	@Test
	void answersProblemsForUnknownAndMalformedNoteIds() throws Exception {
		HttpResponse<String> unknown = get("/api/v1/notes/" + UUID.randomUUID());
		HttpResponse<String> malformed = get("/api/v1/notes/not-a-uuid");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(problem(malformed).path("field").asString()).isEqualTo("noteId");
		assertThat(malformed.body()).doesNotContain("Exception", "at org.");
	}

	private void publish(String topic, String type, String source, UUID noteId, Instant time, String body)
			throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, noteId.toString(), body);
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", UUID.randomUUID().toString());
		header(record, "ce_source", source);
		header(record, "ce_type", type);
		header(record, "ce_subject", noteId.toString());
		header(record, "ce_time", time.toString());
		header(record, "content-type", "application/json");
		contracts.assertHonoured(topic, record.key(), record.headers(), body);
		producer.send(record).get();
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private ConsumerRecord<String, String> awaitDeliveryRecord(String type, UUID noteId) {
		return await().atMost(WAIT).until(() -> {
			deliveryReader.poll(Duration.ofMillis(200)).forEach(deliveryRecords::add);
			return deliveryRecords.stream()
				.filter((record) -> noteId.toString().equals(record.key()) && type.equals(header(record, "ce_type")))
				.findFirst()
				.orElse(null);
		}, (record) -> record != null);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private JsonNode awaitState(UUID noteId, String state) {
		return await().atMost(WAIT).until(() -> {
			HttpResponse<String> response = get("/api/v1/notes/" + noteId);
			return (response.statusCode() == 200) ? json.readTree(response.body()) : null;
		}, (tracking) -> tracking != null && state.equals(tracking.path("state").asString()));
	}

	private static List<String> events(JsonNode tracking) {
		List<String> events = new ArrayList<>();
		tracking.path("timeline").forEach((entry) -> events.add(entry.path("event").asString()));
		return events;
	}

	private static JsonNode problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> acknowledge(UUID noteId, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/notes/" + noteId + "/acknowledgements"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static List<MimeMessage> mailsTo(String address) {
		return List.of(greenMail.getReceivedMessagesForDomain(address));
	}

	/** The reference note, found by walking up from the working directory to {@code shared/notes/}. */
	private static Path seedNote() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/notes/seed-cambodia-iom-2021-01-105.txt");
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new UncheckedIOException(new IOException("shared/notes/seed-cambodia-iom-2021-01-105.txt not found"));
	}

	private static Map<String, Object> referenceNoteFields(String text) {
		Map<String, Object> evidence = new LinkedHashMap<>();
		span(evidence, "reference", text, "2021/01/105");
		span(evidence, "highestDestination", text, "conveyed to its highest destination");
		Map<String, Object> note = new LinkedHashMap<>();
		note.put("docType", "note_verbale");
		note.put("language", "en");
		note.put("reference", "2021/01/105");
		note.put("inReplyTo", null);
		note.put("date", "2021-01-28");
		note.put("place", "Geneva");
		note.put("sender", "Permanent Mission of the Kingdom of Cambodia to the United Nations Office and other "
				+ "International Organisations at Geneva");
		note.put("recipient", "International Organisation for Migration");
		note.put("recipientHead", "Director General");
		note.put("enclosures", List.of(Map.of("title", "Letter of the Prime Minister of the Kingdom of Cambodia",
				"author", "Samdech Akka Moha Sena Padei Techo HUN Sen, Prime Minister of the Kingdom of Cambodia",
				"addressee", "H.E. Mr. Antonio Vitorino, Director General")));
		note.put("requestedAction", "convey the letter to its highest destination");
		note.put("highestDestination", true);
		note.put("confidential", false);
		note.put("scripts", List.of("Latin", "Khmer"));
		note.put("subject", "Cambodia as a GCM champion country");
		note.put("evidence", evidence);
		return note;
	}

	private static void span(Map<String, Object> evidence, String field, String text, String quote) {
		int start = Math.max(text.indexOf(quote), 0);
		evidence.put(field, Map.of("start", start, "end", start + quote.length(), "text", quote));
	}

	private static String noteReceived(UUID noteId, Instant receivedAt, Map<String, Object> note, String text) {
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

	private static String noteRouted(UUID noteId, Instant receivedAt, Map<String, Object> note, String text,
			String officeId, String officeName, List<Map<String, String>> channels) {
		Map<String, Object> destination = new LinkedHashMap<>();
		destination.put("id", officeId);
		destination.put("name", officeName);
		destination.put("headTitle", "Director General");
		destination.put("holder", null);
		destination.put("channels", channels);
		Map<String, Object> copy = Map.of("office",
				Map.of("id", "DPR", "name", "Department of Peace and Recovery", "channels",
						List.of(Map.of("type", "email", "address", "dpr@iom.example.org"))),
				"purpose", "INFORMATION");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("noteId", noteId.toString());
		body.put("registryNumber", "IN/2026/000001");
		body.put("registeredAt", receivedAt.plusSeconds(60).toString());
		body.put("routedAt", receivedAt.plusSeconds(60).toString());
		body.put("outcome", "ROUTED");
		body.put("destination", destination);
		body.put("copies", List.of(copy));
		body.put("priority", "HIGH");
		body.put("acknowledgementDeadline", receivedAt.plus(3, ChronoUnit.DAYS).toString());
		body.put("explanation", Map.of("rule", "highest-destination", "summary",
				"The note asks that the letter of the Prime Minister be conveyed to its highest destination: the "
						+ "Director General.",
				"evidence", List.of("could be conveyed to its highest destination",
						"addressed to H.E. Mr. Antonio Vitorino, Director General")));
		body.put("receivedAt", receivedAt.toString());
		body.put("note", note);
		body.put("text", text);
		return json.writeValueAsString(body);
	}

}
