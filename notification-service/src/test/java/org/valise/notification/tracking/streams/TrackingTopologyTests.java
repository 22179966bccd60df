package org.valise.notification.tracking.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

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
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.valise.notification.ValiseProperties;
import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.Commands;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.delivery.DeliveryJob;
import org.valise.notification.directory.DirectoryOffice;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.receipt.ReceiptDraft;
import org.valise.notification.receipt.ReceiptDrafter;
import org.valise.notification.tracking.AcknowledgementDesk;
import org.valise.notification.tracking.DeliveryPlanner;
import org.valise.notification.tracking.EscalationPlanner;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.OutboxEntry;
import org.valise.notification.tracking.ReceiptPolicy;
import org.valise.notification.tracking.RetryBackoff;
import org.valise.notification.tracking.TrackingDesk;
import org.valise.notification.tracking.TrackingState;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.kafka.DeadLetters;
import org.valise.platform.tracing.RecordTraces;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking topology in a {@code TopologyTestDriver}: the reader, the desk over its stores and the directory's
 * global table, the outputs, with the driver's wall clock — no broker.
 */
class TrackingTopologyTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final ValiseProperties.Topics TOPICS = new ValiseProperties.Topics("notes.received.v1", "notes.routed.v1",
			"notes.delivery.v1", "notification.commands.v1", "notification.command-results.v1",
			"notification.dispatches.v1", "notification.dlq.v1", "directory.v1");

	static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	static final Duration LEASE = Duration.ofMinutes(15);

	static final Office ODG = new Office("ODG", "Office of the Director General", "Director General", null,
			List.of(new Office.Channel("email", "odg@iom.example.org"),
					new Office.Channel("webhook", "https://odg.example.org/hook")));

	private final CloudEventHeaders intake = new CloudEventHeaders("intake-service");

	private final CloudEventHeaders routing = new CloudEventHeaders("routing-service");

	private TopologyTestDriver driver;

	private TestInputTopic<String, byte[]> received;

	private TestInputTopic<String, byte[]> routed;

	private TestInputTopic<String, byte[]> commands;

	private TestInputTopic<String, byte[]> directory;

	private TestOutputTopic<String, byte[]> events;

	private TestOutputTopic<String, byte[]> results;

	private TestOutputTopic<String, byte[]> dispatches;

	private TestOutputTopic<String, byte[]> deadLetters;

	@BeforeEach
	void startTheDesk() {
		start(1_048_576);
	}

	void start(int maxRecordBytes) {
		this.driver = driver(maxRecordBytes, Stores::persistentKeyValueStore);
		this.received = input(TOPICS.received());
		this.routed = input(TOPICS.routed());
		this.commands = input(TOPICS.commands());
		this.directory = input(TOPICS.directory());
		this.events = output(TOPICS.delivery());
		this.results = output(TOPICS.commandResults());
		this.dispatches = output(TOPICS.dispatches());
		this.deadLetters = output(TOPICS.deadLetters());
	}

	/**
	 * The whole tracking topology (reader, desk, stores, outputs) in a driver with its wall clock at {@link #START}, on
	 * the given kind of store.
	 */
	static TopologyTestDriver driver(int maxRecordBytes, Function<String, KeyValueBytesStoreSupplier> stores) {
		DeliveryPlanner deliveries = new DeliveryPlanner(
				new RetryBackoff(Duration.ofSeconds(10), 2, Duration.ofMinutes(5), 0, 3), LEASE, Duration.ofSeconds(30),
				() -> 0.0);
		ZoneId zone = ZoneId.of("Europe/Zurich");
		ReceiptPolicy receipts = new ReceiptPolicy(new ReceiptDrafter(Map.of("en", "The Organization", "fr",
				"L'Organisation", "es", "La Organización"), Map.of("en", "Geneva", "fr", "Genève", "es", "Ginebra"), zone),
				ReceiptDraft.ON_REGISTRATION);
		TrackingDesk desk = new TrackingDesk(deliveries, new EscalationPlanner(Duration.ofHours(4), zone, deliveries),
				new AcknowledgementDesk(zone, receipts), receipts);
		TrackingOutputs outputs = new TrackingOutputs(JSON, new CloudEventHeaders("notification-service"),
				RecordTraces.NONE, maxRecordBytes);
		DeskReport report = new DeskReport(new SimpleMeterRegistry());
		StreamsBuilder builder = new StreamsBuilder();
		TrackingTopology.addTo(builder, new TrackingTopology(() -> new TrackingProcessor(desk, outputs,
				RecordTraces.NONE, report, Duration.ofSeconds(1), Duration.ofSeconds(1)), JSON), JSON, TOPICS, stores);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-service-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state/" + UUID.randomUUID());
		return new TopologyTestDriver(builder.build(), properties, START);
	}

	@AfterEach
	void stop() {
		this.driver.close();
	}

	TestInputTopic<String, byte[]> input(String topic) {
		return this.driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer(), START,
				Duration.ZERO);
	}

	TestOutputTopic<String, byte[]> output(String topic) {
		return this.driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
	}

	@Test
	void dispatchesEachChannelOnceWithTheTextAndRecordsItInTheOutbox() {
		UUID note = UUID.randomUUID();
		receive(note, "The Permanent Mission presents its compliments ...");
		route(note, ODG, 1);

		List<DeliveryJob> jobs = jobs();
		assertThat(jobs).extracting(DeliveryJob::channel).containsExactly("email", "webhook");
		assertThat(jobs).allSatisfy((job) -> {
			assertThat(job.attempt()).isEqualTo(1);
			assertThat(job.registryNumber()).isEqualTo("IN/2026/000001");
			assertThat(job.routed().get("registryNumber").asString()).isEqualTo("IN/2026/000001");
		});
		assertThat(jobs.get(0).text()).startsWith("The Permanent Mission");
		OutboxEntry entry = outbox().get(jobs.get(0).deliveryId());
		assertThat(entry.attempt()).isEqualTo(1);
		assertThat(entry.leaseUntil()).isEqualTo(START.plus(LEASE));
		assertThat(tracking(note).state()).isEqualTo(TrackingState.ROUTED);
	}

	@Test
	void sendsAnInformationCopyToEachOfficeInCopyWhichNeitherDeliversNorLetsItAcknowledgeTheNote() {
		UUID note = UUID.randomUUID();
		receive(note, "text");
		Office dpr = new Office("DPR", "Department of Policy and Research", null, null,
				List.of(new Office.Channel("email", "dpr@iom.example.org")));
		route(note, ODG, 1, List.of(new NoteRouted.Copy(dpr, "INFORMATION"), new NoteRouted.Copy(ODG, "ACTION"),
				new NoteRouted.Copy(dpr, "ACTION")));

		List<DeliveryJob> jobs = jobs();
		assertThat(jobs).extracting((job) -> job.purpose() + " " + job.address())
			.containsExactly("NOTE odg@iom.example.org", "NOTE https://odg.example.org/hook", "COPY dpr@iom.example.org");
		attempted(jobs.get(2), true, false);
		assertThat(tracking(note).state()).isEqualTo(TrackingState.ROUTED);
		acknowledge(note, "ODG", "Chef de Cabinet", "c-early");
		assertThat(JSON.readValue(this.results.readValue(), CommandResult.class).detail())
			.isEqualTo("it has not been delivered yet");

		attempted(jobs.get(0), true, false);
		assertThat(tracking(note).state()).isEqualTo(TrackingState.DELIVERED);
		assertThat(tracking(note).timeline()).extracting((entry) -> entry.detail())
			.anyMatch((detail) -> detail.startsWith("Copy delivered to DPR"));
	}

	@Test
	void recordsTheDeliveryOnceItsOutcomeComesBack() {
		UUID note = UUID.randomUUID();
		receive(note, "text");
		route(note, ODG, 1);
		DeliveryJob email = jobs().get(0);

		attempted(email, true, false);
		attempted(email, true, false);

		assertThat(events(EventTypes.NOTE_DELIVERED)).hasSize(1);
		assertThat(tracking(note).state()).isEqualTo(TrackingState.DELIVERED);
		assertThat(outbox().get(email.deliveryId())).isNull();
	}

	@Test
	void holdsTheEmailUntilTheNoteIsReadWhenTheRoutingComesFirst() {
		UUID note = UUID.randomUUID();
		route(note, ODG, 1);

		assertThat(jobs()).extracting(DeliveryJob::channel).containsExactly("webhook");

		receive(note, "the text, read late");

		assertThat(jobs()).singleElement().satisfies((job) -> {
			assertThat(job.channel()).isEqualTo("email");
			assertThat(job.text()).isEqualTo("the text, read late");
		});
	}

	@Test
	void retriesAFailedAttemptAfterItsBackoffWithTheSameDeliveryId() {
		UUID note = UUID.randomUUID();
		receive(note, "text");
		route(note, ODG, 1);
		DeliveryJob email = jobs().get(0);

		attempted(email, false, false);
		this.driver.advanceWallClockTime(Duration.ofSeconds(5));
		assertThat(jobs()).isEmpty();
		this.driver.advanceWallClockTime(Duration.ofSeconds(6));

		assertThat(jobs()).singleElement().satisfies((job) -> {
			assertThat(job.deliveryId()).isEqualTo(email.deliveryId());
			assertThat(job.attempt()).isEqualTo(2);
		});
		assertThat(tracking(note).delivery(email.deliveryId()).attempts()).isEqualTo(1);
	}

	@Test
	void countsAnAttemptWithoutOutcomeAsFailedOnceItsLeaseExpires() {
		UUID note = UUID.randomUUID();
		receive(note, "text");
		route(note, ODG, 1);
		DeliveryJob email = jobs().get(0);

		this.driver.advanceWallClockTime(LEASE.plusSeconds(1));
		this.driver.advanceWallClockTime(Duration.ofSeconds(11));

		assertThat(jobs()).filteredOn((job) -> job.deliveryId().equals(email.deliveryId()))
			.singleElement()
			.satisfies((job) -> assertThat(job.attempt()).isEqualTo(2));
		assertThat(tracking(note).delivery(email.deliveryId()).lastError()).startsWith("no outcome within");
		attempted(email, true, false);
		assertThat(events(EventTypes.NOTE_DELIVERED)).as("the outcome of the expired attempt is not awaited").isEmpty();
	}

	@Test
	void givesUpAfterThePermanentFailureOfEveryChannel() {
		UUID note = UUID.randomUUID();
		receive(note, "text");
		route(note, ODG, 1);
		jobs().forEach((job) -> attempted(job, false, true));

		assertThat(events(EventTypes.NOTE_DELIVERY_FAILED)).hasSize(2);
		assertThat(tracking(note).state()).isEqualTo(TrackingState.FAILED);
	}

	@Test
	void escalatesAtTheDeadlineToTheParentTheDirectoryNames() {
		publishOffice("DPR", "DDGMR", null);
		publishOffice("DDGMR", "ODG", "DDGO");
		UUID note = UUID.randomUUID();
		receive(note, "text");
		Office dpr = new Office("DPR", "Department of Policy and Research", null, null,
				List.of(new Office.Channel("email", "dpr@iom.example.org")));
		route(note, dpr, 1);
		attempted(jobs().get(0), true, false);

		this.driver.advanceWallClockTime(Duration.ofHours(2).minusSeconds(2));
		assertThat(events(EventTypes.NOTE_ESCALATED)).isEmpty();
		this.driver.advanceWallClockTime(Duration.ofSeconds(3));

		assertThat(events(EventTypes.NOTE_ESCALATED)).singleElement()
			.satisfies((event) -> assertThat(event.get("escalatedTo").get("id").asString()).isEqualTo("DDGMR"));
		assertThat(jobs()).singleElement().satisfies((job) -> {
			assertThat(job.purpose()).isEqualTo("ESCALATION");
			assertThat(job.address()).isEqualTo("ddgmr@iom.example.org");
			assertThat(job.escalation().level()).isEqualTo(1);
		});
		assertThat(tracking(note).state()).isEqualTo(TrackingState.ESCALATED);
		assertThat(tracking(note).nextEscalationAt()).isEqualTo(START.plus(Duration.ofHours(6)).plusSeconds(1));
	}

	@Test
	void decidesTwoAcknowledgementsArrivingTogetherOneAfterTheOther() {
		UUID note = UUID.randomUUID();
		receive(note, "text");
		route(note, ODG, 1);
		attempted(jobs().get(0), true, false);

		acknowledge(note, "ODG", "Chef de Cabinet", "c-1");
		acknowledge(note, "ODG", "Deputy Chef de Cabinet", "c-2");

		List<CommandResult> answers = this.results.readValuesToList()
			.stream()
			.map((value) -> JSON.readValue(value, CommandResult.class))
			.toList();
		assertThat(answers).extracting(CommandResult::outcome).containsExactly("ACCEPTED", "CONFLICT");
		assertThat(answers.get(1).detail()).startsWith("it has already been acknowledged for ODG by Chef de Cabinet");
		assertThat(events(EventTypes.NOTE_ACKNOWLEDGED)).hasSize(1);
	}

	@Test
	void deadLettersAnUnreadableRecordAndTakesTheNextOne() {
		RecordHeaders headers = new RecordHeaders(this.routing.headers("e-bad", EventTypes.NOTE_ROUTED,
				UUID.randomUUID().toString(), START, null, null).toArray());
		this.routed.pipeInput(new TestRecord<>("not-a-uuid", "{not json".getBytes(StandardCharsets.UTF_8), headers,
				START));
		UUID note = UUID.randomUUID();
		receive(note, "text");
		route(note, ODG, 1);

		TestRecord<String, byte[]> letter = this.deadLetters.readRecord();
		assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(DeadLetters.header(letter.headers(), DeadLetters.ERROR)).isEqualTo("unreadable-record");
		assertThat(DeadLetters.header(letter.headers(), DeadLetters.ORIGINAL_TOPIC)).isEqualTo(TOPICS.routed());
		assertThat(jobs()).hasSize(2);
	}

	@Test
	void sendsAJobTooLargeForARecordWithoutTheText() {
		this.driver.close();
		start(64 * 1024);
		UUID note = UUID.randomUUID();
		receive(note, "x".repeat(100 * 1024));
		route(note, ODG, 1);

		DeliveryJob email = jobs().get(0);
		assertThat(email.text()).isNull();
		assertThat(email.textOmitted()).isTrue();
	}

	private void receive(UUID note, String text) {
		NoteReceived event = new NoteReceived(note, START, "text", null, null, "registry-clerk", fields(), text);
		Headers headers = this.intake.headers(CloudEventHeaders.stableId("received", note.toString()),
				EventTypes.NOTE_RECEIVED, note.toString(), START, null, null);
		this.received.pipeInput(new TestRecord<>(note.toString(), JSON.writeValueAsBytes(event), headers, START));
	}

	private void route(UUID note, Office destination, int revision) {
		route(note, destination, revision, List.of());
	}

	private void route(UUID note, Office destination, int revision, List<NoteRouted.Copy> copies) {
		Instant at = START;
		NoteRouted event = new NoteRouted(note, "IN/2026/000001", at, at, "ROUTED", destination, copies, "HIGH",
				at.plus(Duration.ofHours(2)), new NoteRouted.Explanation("highest-destination", "For the head.",
						List.of()), at, fields(), null, revision, "rules", null);
		Headers headers = this.routing.headers(CloudEventHeaders.stableId("routed", note.toString(), "" + revision),
				EventTypes.NOTE_ROUTED, note.toString(), at, null, null);
		this.routed.pipeInput(new TestRecord<>(note.toString(), JSON.writeValueAsBytes(event), headers, at));
	}

	private void attempted(DeliveryJob job, boolean succeeded, boolean permanent) {
		DeliveryAttempted outcome = new DeliveryAttempted(job.noteId(), job.deliveryId(), job.round(), job.attempt(),
				succeeded, permanent, succeeded ? null : "HTTP 503", START.plusSeconds(1));
		command(job.noteId(), Commands.DELIVERY_ATTEMPTED, outcome, null);
	}

	private void acknowledge(UUID note, String office, String by, String commandId) {
		command(note, Commands.ACKNOWLEDGE_NOTE, new AcknowledgeNote(commandId, note, office, by, null,
				AcknowledgeNote.VIA_API, null, START.plusSeconds(60)), commandId);
	}

	private void command(UUID note, String type, Object command, String correlation) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Commands.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
		if (correlation != null) {
			headers.add(Commands.CORRELATION_HEADER, correlation.getBytes(StandardCharsets.UTF_8));
		}
		this.commands.pipeInput(new TestRecord<>(note.toString(), JSON.writeValueAsBytes(command), headers, START));
	}

	private void publishOffice(String id, String parent, String deputy) {
		DirectoryOffice office = new DirectoryOffice(id, "Office " + id, null, parent, deputy, List.of(),
				List.of(new Office.Channel("email", id.toLowerCase() + "@iom.example.org")), true, "v1");
		this.directory.pipeInput(id, JSON.writeValueAsBytes(office));
	}

	private List<DeliveryJob> jobs() {
		return this.dispatches.readValuesToList().stream().map((value) -> JSON.readValue(value, DeliveryJob.class))
			.toList();
	}

	private List<tools.jackson.databind.JsonNode> events(String type) {
		return this.events.readRecordsToList()
			.stream()
			.filter((record) -> type.equals(CloudEventHeaders.attribute(record.headers(), CloudEventHeaders.TYPE)))
			.map((record) -> JSON.readTree(record.value()))
			.toList();
	}

	private KeyValueStore<String, OutboxEntry> outbox() {
		return this.driver.getKeyValueStore(TrackingStores.OUTBOX);
	}

	private NoteTracking tracking(UUID note) {
		KeyValueStore<String, byte[]> store = this.driver.getKeyValueStore(TrackingStores.TRACKINGS);
		return TrackingStores.tracking(store.get(note.toString()), TrackingStores.storeMapper(JSON));
	}

	private static NoteFields fields() {
		return new NoteFields("note_verbale", "en", "2021/01/105", null, null, "Geneva",
				"Permanent Mission of Cambodia", "IOM", "Director General", List.of(), null, true, false,
				List.of("Latin"), null, Map.of());
	}

}
