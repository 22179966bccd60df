package org.valise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.valise.contracts.EventContracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton's promise, end to end over a real broker: the reference note posted as raw text to
 * intake is registered, routed to the Office of the Director General, delivered to that office by e-mail, and
 * acknowledged by it — each state visible in the note's tracking view, each event on its topic honouring the
 * contract. The three services run as separate processes from their packaged jars.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferenceNoteFlowScenario {

	static final String REGISTRY_TOKEN = "system-test-registry-token";

	static final String ODG_TOKEN = "system-test-odg-token";

	static final String DMM_TOKEN = "system-test-dmm-token";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<ServiceProcess> services = new ArrayList<>();

	private GreenMail mail;

	private ServiceProcess intake;

	private ServiceProcess notification;

	private String bootstrapServers;

	/** Starts (or finds) the broker the services and the test talk to, and returns its bootstrap servers. */
	abstract String startBroker();

	/** Stops the broker, after the services have stopped. */
	void stopBroker() {
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	@BeforeAll
	void startSystem() throws Exception {
		this.bootstrapServers = startBroker();
		this.mail = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		Path state = Files.createTempDirectory("valise-system-state");
		int notificationPort = ServiceProcess.freePort();
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(), "VALISE_STATE_DIR",
				state.toString(), "SMTP_HOST", "127.0.0.1", "SMTP_PORT",
				String.valueOf(this.mail.getSmtp().getPort()), "VALISE_TRACKING_URL",
				"http://127.0.0.1:" + notificationPort + "/api/v1/notes/{noteId}");
		this.notification = start("notification-service", notificationPort, environment,
				"--valise.security.office-tokens.ODG=" + ODG_TOKEN, "--valise.security.office-tokens.DMM=" + DMM_TOKEN);
		start("routing-service", ServiceProcess.freePort(), environment);
		this.intake = start("intake-service", ServiceProcess.freePort(), environment, "--valise.security.clients.registry=" + REGISTRY_TOKEN);
		for (ServiceProcess service : this.services) {
			service.awaitReady(Duration.ofSeconds(150));
		}
	}

	@AfterAll
	void stopSystem() {
		this.services.forEach(ServiceProcess::close);
		if (this.mail != null) {
			this.mail.stop();
		}
		stopBroker();
	}

	@Test
	void referenceNoteIsRoutedToTheDirectorGeneralDeliveredByMailAndAcknowledged() throws Exception {
		String note = SharedNotes.read("seed-cambodia-iom-2021-01-105.txt");

		// when: the registry posts the raw note
		HttpResponse<String> accepted = send(HttpRequest.newBuilder(this.intake.uri("/api/v1/notes"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + REGISTRY_TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8)));

		// then: accepted, with the tracking view's address
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String noteId = this.json.readTree(accepted.body()).get("noteId").asString();
		URI tracking = URI.create(accepted.headers().firstValue("Location").orElseThrow());
		assertThat(tracking).isEqualTo(this.notification.uri("/api/v1/notes/" + noteId));

		// then: routed to the Office of the Director General and delivered, with a registry number
		JsonNode delivered = awaitState(tracking, "DELIVERED");
		assertThat(delivered.get("registryNumber").asString()).matches("IN/\\d{4}/\\d{6}");
		assertThat(delivered.at("/destination/name").asString()).isEqualTo("Office of the Director General");
		assertThat(delivered.at("/explanation/rule").asString()).isEqualTo("highest-destination");
		assertThat(delivered.at("/explanation/evidence").toString()).contains("highest destination");
		assertThat(delivered.at("/note/reference").asString()).isEqualTo("2021/01/105");
		assertThat(timelineStates(delivered)).containsExactly("RECEIVED", "ROUTED", "DELIVERED");
		String registryNumber = delivered.get("registryNumber").asString();

		// then: the office's mailbox has the note, its number, the reason and the Khmer letterhead intact
		MimeMessage message = awaitMailTo(delivered.at("/deliveries/0/address").asString());
		assertThat(message.getSubject()).contains(registryNumber).contains("2021/01/105");
		String body = GreenMailUtil.getBody(message);
		assertThat(decoded(message)).contains(registryNumber)
			.contains("Office of the Director General")
			.contains("highest destination")
			.contains("ព្រះរាជាណាចក្រកម្ពុជា");
		assertThat(body).isNotBlank();

		// when: another office tries to acknowledge, then the Director General's office does
		HttpResponse<String> wrongOffice = acknowledge(tracking, DMM_TOKEN);
		HttpResponse<String> acknowledged = acknowledge(tracking, ODG_TOKEN);

		// then
		assertThat(wrongOffice.statusCode()).as(wrongOffice.body()).isEqualTo(403);
		assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(202);
		JsonNode done = awaitState(tracking, "ACKNOWLEDGED");
		assertThat(timelineStates(done)).containsExactly("RECEIVED", "ROUTED", "DELIVERED", "ACKNOWLEDGED");
		assertThat(done.at("/acknowledgements/0/acknowledgedBy").asString()).isEqualTo("Chef de Cabinet");
		assertThat(done.get("registryNumber").asString()).isEqualTo(registryNumber);

		// then: every event about the note is on its topic, in order, honouring the contract
		assertThat(eventTypes(noteId)).containsExactly("org.valise.note.received.v1", "org.valise.note.routed.v1",
				"org.valise.note.delivered.v1", "org.valise.note.acknowledged.v1");
	}

	private HttpResponse<String> acknowledge(URI tracking, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(tracking + "/acknowledgements"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString("{\"acknowledgedBy\": \"Chef de Cabinet\"}")));
	}

	private JsonNode awaitState(URI tracking, String state) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
			HttpResponse<String> response = send(HttpRequest.newBuilder(tracking).GET());
			return (response.statusCode() == 200) ? this.json.readTree(response.body()) : null;
		}, (view) -> view != null && state.equals(view.get("state").asString()));
	}

	private MimeMessage awaitMailTo(String address) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (MimeMessage message : this.mail.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(address)) {
					return message;
				}
			}
			return null;
		}, (message) -> message != null);
	}

	private static String decoded(MimeMessage message) throws Exception {
		jakarta.mail.internet.MimeMultipart multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
		StringBuilder text = new StringBuilder();
		collectText(multipart, text);
		return text.toString();
	}

	private static void collectText(jakarta.mail.Multipart multipart, StringBuilder text) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			Object content = multipart.getBodyPart(i).getContent();
			if (content instanceof jakarta.mail.Multipart nested) {
				collectText(nested, text);
			}
			else if (content instanceof String part) {
				text.append(part).append('\n');
			}
		}
	}

	private static List<String> timelineStates(JsonNode view) {
		List<String> states = new ArrayList<>();
		view.get("timeline").forEach((entry) -> states.add(entry.get("event").asString()));
		return states;
	}

	private List<String> eventTypes(String noteId) {
		EventContracts contracts = EventContracts.load();
		List<String> types = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"system-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new StringDeserializer())) {
			for (String topic : List.of("notes.received.v1", "notes.routed.v1", "notes.delivery.v1")) {
				consumer.subscribe(List.of(topic));
				List<ConsumerRecord<String, String>> records = new ArrayList<>();
				await().atMost(Duration.ofSeconds(20)).until(() -> {
					consumer.poll(Duration.ofMillis(300)).forEach(records::add);
					return records.stream().anyMatch((record) -> noteId.equals(record.key()));
				});
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				for (ConsumerRecord<String, String> record : records) {
					if (noteId.equals(record.key())) {
						contracts.assertHonoured(record.topic(), record.key(), record.headers(), record.value());
						types.add(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
					}
				}
				consumer.unsubscribe();
			}
		}
		return types;
	}

	private ServiceProcess start(String name, int port, Map<String, String> environment, String... arguments)
			throws Exception {
		ServiceProcess service = ServiceProcess.start(name, port, environment, arguments);
		this.services.add(service);
		return service;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
