package org.valise.notification.tracking.streams;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.valise.notification.command.Commands;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.delivery.DeliveryJob;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.platform.events.CloudEventHeaders;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking desk's own cost, without a broker: notes carried from received through routed to delivered by the
 * whole tracking topology (reader, desk, stores with their changelogs, outputs) in a {@code TopologyTestDriver}, one
 * thread, as the desk's Kafka Streams thread runs it. The stores are in memory: the driver commits and checkpoints
 * every store after every input (a RocksDB flush and an fsync each time), where the service does so every
 * 10,000 records, and that would be all the figure measured. It proves that every note gets
 * its one e-mail job and its one delivery and prints the rate; the rate is a figure to compare two versions of the
 * desk on one machine (never asserted). {@code -Dvalise.desk.notes=20000} for a longer run (default 300).
 */
class TrackingDeskRateTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	private static final Office ODG = new Office("ODG", "Office of the Director General", "Director General", null,
			List.of(new Office.Channel("email", "odg@iom.example.org")));

	private static final Office DPR = new Office("DPR", "Department of Policy and Research", null, null,
			List.of(new Office.Channel("email", "dpr@iom.example.org")));

	private final CloudEventHeaders intake = new CloudEventHeaders("intake-service");

	private final CloudEventHeaders routing = new CloudEventHeaders("routing-service");

	private TopologyTestDriver driver;

	private TestInputTopic<String, byte[]> received;

	private TestInputTopic<String, byte[]> routed;

	private TestInputTopic<String, byte[]> commands;

	private TestOutputTopic<String, byte[]> events;

	private TestOutputTopic<String, byte[]> dispatches;

	@BeforeEach
	void startTheDesk() {
		this.driver = TrackingTopologyTests.driver(1_048_576, Stores::inMemoryKeyValueStore);
		this.received = this.driver.createInputTopic(TrackingTopologyTests.TOPICS.received(), new StringSerializer(),
				new ByteArraySerializer(), START, Duration.ZERO);
		this.routed = this.driver.createInputTopic(TrackingTopologyTests.TOPICS.routed(), new StringSerializer(),
				new ByteArraySerializer(), START, Duration.ZERO);
		this.commands = this.driver.createInputTopic(TrackingTopologyTests.TOPICS.commands(), new StringSerializer(),
				new ByteArraySerializer(), START, Duration.ZERO);
		this.events = this.driver.createOutputTopic(TrackingTopologyTests.TOPICS.delivery(), new StringDeserializer(),
				new ByteArrayDeserializer());
		this.dispatches = this.driver.createOutputTopic(TrackingTopologyTests.TOPICS.dispatches(),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	@AfterEach
	void stop() {
		this.driver.close();
	}

	@Test
	void carriesEveryNoteFromReceivedToDeliveredWithOneJobPerOffice() {
		int notes = Integer.getInteger("valise.desk.notes", 300);
		int warmUp = Math.min(notes, 200);
		run(warmUp);
		this.events.readRecordsToList();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long started = System.nanoTime();
		long cpuStarted = threads.getCurrentThreadCpuTime();
		List<DeliveryJob> jobs = run(notes);
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;

		long delivered = this.events.readRecordsToList()
			.stream()
			.filter((record) -> EventTypes.NOTE_DELIVERED
				.equals(CloudEventHeaders.attribute(record.headers(), CloudEventHeaders.TYPE)))
			.count();
		assertThat(jobs).hasSize(2 * notes);
		assertThat(delivered).as("the note's delivery and its copy's").isEqualTo(2L * notes);
		System.out.printf("[desk] %d notes (received, routed with a copy, both e-mails' outcomes: 4 inputs each) in "
				+ "%.2f s, %.3f ms of the thread's CPU per note (%.0f notes/s)%n", notes, seconds,
				cpuMs / notes, notes / (cpuMs / 1000));
	}

	/** Each note received, routed to ODG with a copy to DPR, and both e-mails' outcomes back. */
	private List<DeliveryJob> run(int notes) {
		List<DeliveryJob> jobs = new ArrayList<>();
		for (int i = 0; i < notes; i++) {
			UUID note = UUID.randomUUID();
			receive(note, i);
			route(note, i);
			List<DeliveryJob> made = this.dispatches.readValuesToList()
				.stream()
				.map((value) -> JSON.readValue(value, DeliveryJob.class))
				.toList();
			made.forEach(this::succeeded);
			jobs.addAll(made);
		}
		return jobs;
	}

	private void receive(UUID note, int i) {
		NoteReceived event = new NoteReceived(note, START, "text", null, null, "registry-clerk", fields(i),
				text(i));
		Headers headers = this.intake.headers(CloudEventHeaders.stableId("received", note.toString()),
				EventTypes.NOTE_RECEIVED, note.toString(), START, null, null);
		this.received.pipeInput(new TestRecord<>(note.toString(), JSON.writeValueAsBytes(event), headers, START));
	}

	private void route(UUID note, int i) {
		NoteRouted event = new NoteRouted(note, String.format("IN/2026/%06d", i + 1), START, START, "ROUTED", ODG,
				List.of(new NoteRouted.Copy(DPR, "INFORMATION")), "NORMAL", START.plus(Duration.ofDays(5)),
				new NoteRouted.Explanation("highest-destination",
						"The note asks that the letter be conveyed to the highest destination: the Director General.",
						List.of()),
				START, fields(i), null, 1, "rules", null);
		Headers headers = this.routing.headers(CloudEventHeaders.stableId("routed", note.toString(), "1"),
				EventTypes.NOTE_ROUTED, note.toString(), START, null, null);
		this.routed.pipeInput(new TestRecord<>(note.toString(), JSON.writeValueAsBytes(event), headers, START));
	}

	private void succeeded(DeliveryJob job) {
		DeliveryAttempted outcome = new DeliveryAttempted(job.noteId(), job.deliveryId(), job.round(), job.attempt(),
				true, false, null, START.plusSeconds(1));
		RecordHeaders headers = new RecordHeaders();
		headers.add(Commands.TYPE_HEADER, Commands.DELIVERY_ATTEMPTED.getBytes(StandardCharsets.UTF_8));
		this.commands.pipeInput(
				new TestRecord<>(job.noteId().toString(), JSON.writeValueAsBytes(outcome), headers, START));
	}

	private static NoteFields fields(int i) {
		return new NoteFields("note_verbale", "en", String.format("%d/2026/%03d", 100 + i % 50, i % 1000), null, null,
				"Geneva", "Permanent Mission of Country " + (i % 190), "IOM", "Director General", List.of(), null, true,
				false, List.of("Latin"), "Transmission of a letter to the Director General",
				Map.of("sender", new NoteFields.Span(4, 36, "Permanent Mission of Country " + (i % 190)), "recipient",
						new NoteFields.Span(120, 160, "International Organization for Migration"), "requested_action",
						new NoteFields.Span(300, 380, "conveyed to its highest destination"), "place",
						new NoteFields.Span(90, 96, "Geneva")));
	}

	private static String text(int i) {
		return ("The Permanent Mission of Country " + (i % 190) + " to the United Nations Office and other "
				+ "international organizations in Geneva presents its compliments to the International Organization "
				+ "for Migration and has the honour to transmit herewith a letter addressed to the Director General. "
				+ "The Permanent Mission would be grateful if the letter could be conveyed to its highest "
				+ "destination. ").repeat(4);
	}

}
