package org.valise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
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
import org.valise.samples.SampleNotes;

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

	static final String REGISTRY_TOKEN = RunningSystem.REGISTRY_TOKEN;

	static final String ODG_TOKEN = RunningSystem.ODG_TOKEN;

	static final String DMM_TOKEN = RunningSystem.DMM_TOKEN;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private RunningSystem system;

	private GreenMail mail;

	private ServiceProcess intake;

	private ServiceProcess notification;

	/** The running system the scenario drives: one started for it, or one it shares with other classes. */
	abstract RunningSystem system() throws Exception;

	/** After the scenario: stops the system if it was started for it (a shared one lives on). */
	void release(RunningSystem system) throws Exception {
	}

	String bootstrapServers() {
		return this.system.bootstrapServers();
	}

	@BeforeAll
	void startSystem() throws Exception {
		this.system = system();
		this.mail = this.system.mail();
		this.intake = this.system.intake();
		this.notification = this.system.notification();
	}

	@AfterAll
	void stopSystem() throws Exception {
		if (this.system != null) {
			release(this.system);
		}
	}

	@Test
	void referenceNoteIsRoutedToTheDirectorGeneralDeliveredByMailAndAcknowledged() throws Exception {
		String note = SampleNotes.text("seed-cambodia-iom-2021-01-105.txt");

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
		assertThat(wrongOffice.statusCode()).as(wrongOffice.body()).isEqualTo(404);
		assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(202);
		JsonNode done = awaitState(tracking, "ACKNOWLEDGED");
		assertThat(timelineStates(done)).containsExactly("RECEIVED", "ROUTED", "DELIVERED", "ACKNOWLEDGED");
		assertThat(done.at("/acknowledgements/0/acknowledgedBy").asString()).isEqualTo("Chef de Cabinet");
		assertThat(done.get("registryNumber").asString()).isEqualTo(registryNumber);

		// then: every event about the note is on its topic, in order, honouring the contract
		assertThat(eventTypes(noteId)).containsSubsequence("org.valise.note.received.v1", "org.valise.note.routed.v1",
				"org.valise.note.delivered.v1", "org.valise.note.acknowledged.v1");

		// then: an archive with nothing but a Kafka consumer rebuilds the note's history from the topics alone,
		// each event once, in the order the tracking view shows it, with the draft receipt for the sender
		List<NoteArchive.ArchivedEvent> history = NoteArchive.rebuild(bootstrapServers()).history(noteId);
		assertThat(history).extracting(NoteArchive.ArchivedEvent::id).doesNotHaveDuplicates();
		assertThat(history).extracting(NoteArchive.ArchivedEvent::type).contains("org.valise.note.receipt-drafted.v1");
		assertThat(history).extracting(NoteArchive.ArchivedEvent::type)
			.filteredOn((type) -> !type.equals("org.valise.note.receipt-drafted.v1"))
			.map((type) -> type.substring("org.valise.note.".length(), type.length() - ".v1".length()).toUpperCase())
			.containsExactlyElementsOf(timelineStates(done));
		assertThat(history).filteredOn((event) -> event.type().equals("org.valise.note.routed.v1"))
			.singleElement()
			.satisfies((event) -> assertThat(this.json.readTree(event.body()).get("registryNumber").asString())
				.isEqualTo(registryNumber));

		// then: one trace for the note, from the HTTP request to the acknowledgement: its id is on every event
		// and in the logs of all three services
		String traceId = history.get(0).traceId();
		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(history).extracting(NoteArchive.ArchivedEvent::traceId).containsOnly(traceId);
		assertThat(List.of(this.system.intake(), this.system.routing(), this.system.notification()))
			.allSatisfy((service) -> assertThat(service.logged(traceId)).as(service + " logs " + traceId).isTrue());
	}

	@Test
	void concurrentDuplicateSubmissionsAreRoutedAndDeliveredOnce() throws Exception {
		String note = SampleNotes.text("dev-01-ghana-president-letter-highest-authority.txt");
		String retried = SampleNotes.text("dev-04-nepal-department-policy-research.txt");
		String key = "retry-" + UUID.randomUUID();

		// when: the same note arrives twice at once, and another is submitted twice at once with one Idempotency-Key
		List<CompletableFuture<HttpResponse<String>>> submissions = List.of(submitAsync(note, null),
				submitAsync(note, null), submitAsync(retried, key), submitAsync(retried, key));
		List<String> ids = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> submission : submissions) {
			HttpResponse<String> response = submission.get();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			ids.add(this.json.readTree(response.body()).get("noteId").asString());
		}

		// then: the retry got the first submission's id
		assertThat(ids.get(2)).isEqualTo(ids.get(3));
		Set<String> sameNote = Set.of(ids.get(0), ids.get(1));
		String retriedId = ids.get(2);

		// then: of the note sent twice, one is routed and the other is registered as its duplicate
		List<JsonNode> routed = bodies(awaitRecords("notes.routed.v1", sameNote));
		assertThat(routed).extracting((event) -> event.get("outcome").asString())
			.containsExactlyInAnyOrder("ROUTED", "DUPLICATE");
		JsonNode original = routed.stream().filter((event) -> "ROUTED".equals(event.get("outcome").asString()))
			.findFirst().orElseThrow();
		JsonNode duplicate = routed.stream().filter((event) -> "DUPLICATE".equals(event.get("outcome").asString()))
			.findFirst().orElseThrow();
		String originalId = original.get("noteId").asString();
		assertThat(duplicate.at("/duplicateOf/noteId").asString()).isEqualTo(originalId);
		assertThat(duplicate.get("registryNumber").asString()).isEqualTo(original.get("registryNumber").asString());

		// then: the retried submission is routed once
		assertThat(bodies(awaitRecords("notes.routed.v1", Set.of(retriedId))))
			.filteredOn((event) -> "ROUTED".equals(event.get("outcome").asString()))
			.hasSize(1);

		// then: one delivery each, none for the duplicate
		List<ConsumerRecord<String, String>> deliveries = awaitRecords("notes.delivery.v1", Set.of(originalId, retriedId),
				"org.valise.note.delivered.v1");
		assertThat(deliveries).filteredOn((record) -> "org.valise.note.delivered.v1".equals(header(record, "ce_type"))
				&& !"COPY".equals(this.json.readTree(record.value()).path("purpose").asString()))
			.extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder(originalId, retriedId);

		// then: the duplicate's tracking view points at the original
		String duplicateId = duplicate.get("noteId").asString();
		JsonNode view = awaitState(this.notification.uri("/api/v1/notes/" + duplicateId), "DUPLICATE");
		assertThat(view.at("/duplicateOf/noteId").asString()).isEqualTo(originalId);
	}

	private CompletableFuture<HttpResponse<String>> submitAsync(String note, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.intake.uri("/api/v1/notes"))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + REGISTRY_TOKEN)
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private List<JsonNode> bodies(List<ConsumerRecord<String, String>> records) {
		return records.stream().map((record) -> this.json.readTree(record.value())).toList();
	}

	private HttpResponse<String> acknowledge(URI tracking, String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(tracking + "/acknowledgements"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString("{\"acknowledgedBy\": \"Chef de Cabinet\"}")));
	}

	private JsonNode awaitState(URI tracking, String state) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
			HttpResponse<String> response = send(HttpRequest.newBuilder(tracking)
				.header("Authorization", "Bearer " + RunningSystem.CLERK_TOKEN)
				.GET());
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

	/** The note's own facts on its timeline (the information copies to offices in copy left aside). */
	private static List<String> timelineStates(JsonNode view) {
		List<String> states = new ArrayList<>();
		view.get("timeline").forEach((entry) -> states.add(entry.get("event").asString()));
		states.removeIf("COPY_DELIVERED"::equals);
		return states;
	}

	private List<String> eventTypes(String noteId) {
		List<String> types = new ArrayList<>();
		for (String topic : List.of("notes.received.v1", "notes.routed.v1", "notes.delivery.v1")) {
			for (ConsumerRecord<String, String> record : awaitRecords(topic, Set.of(noteId))) {
				types.add(header(record, "ce_type"));
			}
		}
		return types;
	}

	/**
	 * Everything on a topic about the given notes, read from the beginning by a plain read_committed consumer, as
	 * a registry or an archive would; waits until each note has at least one record there. Every record read
	 * must honour the contract.
	 */
	private List<ConsumerRecord<String, String>> awaitRecords(String topic, Set<String> noteIds) {
		return awaitRecords(topic, noteIds, null);
	}

	/** The same, waiting until each note has a record of the given {@code ce_type} (any, when null). */
	private List<ConsumerRecord<String, String>> awaitRecords(String topic, Set<String> noteIds, String type) {
		EventContracts contracts = EventContracts.load();
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"system-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(300)).forEach((record) -> {
					if (noteIds.contains(record.key())) {
						records.add(record);
					}
				});
				return records.stream()
					.filter((record) -> type == null || type.equals(header(record, "ce_type")))
					.map(ConsumerRecord::key)
					.collect(Collectors.toSet())
					.containsAll(noteIds);
			});
			// what is already committed behind the first records
			consumer.poll(Duration.ofMillis(1000)).forEach((record) -> {
				if (noteIds.contains(record.key())) {
					records.add(record);
				}
			});
		}
		records.forEach((record) -> contracts.assertHonoured(record.topic(), record.key(), record.headers(),
				record.value()));
		return records;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
