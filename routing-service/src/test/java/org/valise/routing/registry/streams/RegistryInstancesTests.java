package org.valise.routing.registry.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.valise.routing.BrokerTestSupport;
import org.valise.routing.SampleNoteEvents;
import org.valise.routing.SampleNoteEvents.Sample;
import io.micrometer.core.instrument.MeterRegistry;
import org.valise.platform.tracing.RecordTraces;
import org.valise.routing.directory.DirectorySource;
import org.valise.routing.registry.RegistryDesk;
import org.valise.routing.routing.RoutingPolicies;
import org.valise.routing.routing.RoutingPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry topology run as several instances of one application side by side (on topics of their own, on the
 * test context's broker): numbering stays unique and gap-free across instances and a restart, and a note whose
 * routing keeps failing goes to the dead-letter topic while the next notes flow.
 */
class RegistryInstancesTests extends BrokerTestSupport {

	private final Sample seed = SampleNoteEvents.get("seed-cambodia-iom-2021-01-105.txt");

	private final List<KafkaStreams> instances = new ArrayList<>();

	@Autowired
	private RegistryDesk desk;

	@Autowired
	private RegistryProperties registry;

	@Autowired
	private AcknowledgementDeadlines deadlines;

	@Autowired
	private RoutedHeaders headers;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private DirectorySource directories;

	@AfterEach
	void closeInstances() {
		this.instances.forEach(streams -> streams.close(Duration.ofSeconds(30)));
		this.instances.forEach(KafkaStreams::cleanUp);
	}

	@Test
	void numbersNotesGapFreeAndUniqueAcrossTwoInstancesAndARestart() {
		// given: two instances of one application
		RegistryTopics topics = topics("eos");
		String application = "routing-eos-" + UUID.randomUUID();
		KafkaStreams first = start(application, topics, this.desk, "routing-a");
		KafkaStreams second = start(application, topics, this.desk, "routing-b");
		awaitRunning(first, second);
		Map<String, List<ConsumerRecord<String, String>>> routed = new HashMap<>();

		try (KafkaConsumer<String, String> reader = reader(topics.routed())) {
			// when: 150 notes, and the instance running the registry desk leaves mid-stream
			List<String> noteIds = new ArrayList<>(send(topics, 0, 150));
			await().atMost(Duration.ofSeconds(60)).until(() -> read(reader, routed) >= 40);
			KafkaStreams desk = deskOf(first, second);
			long closing = System.nanoTime();
			desk.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
			long closed = System.nanoTime();
			String probe = send(topics, 150, 1).get(0);
			noteIds.add(probe);
			await().atMost(Duration.ofSeconds(90)).until(() -> read(reader, routed) > 0 && routed.containsKey(probe));
			long takenOver = System.nanoTime();
			noteIds.addAll(send(topics, 151, 74));
			// and it comes back under the same instance id (a restart, with an empty state directory), while notes
			// keep coming
			long restarting = System.nanoTime();
			KafkaStreams restarted = start(application, topics, this.desk, "routing-a");
			noteIds.addAll(send(topics, 225, 75));
			awaitRunning(restarted);
			long running = System.nanoTime();
			await().atMost(Duration.ofSeconds(120)).until(() -> read(reader, routed) >= 300 && routed.size() >= 300);
			read(reader, routed);

			// then: every note once, numbers 1..300 without gap, in registration order
			String prefix = "IN/" + Year.now(ZoneOffset.UTC).getValue() + "/";
			assertThat(routed).containsOnlyKeys(noteIds).allSatisfy((id, records) -> assertThat(records).hasSize(1));
			List<JsonNode> bodies = routed.values()
				.stream()
				.map(records -> SampleNoteEvents.JSON.readTree(records.get(0).value()))
				.sorted((a, b) -> a.get("registryNumber").asString().compareTo(b.get("registryNumber").asString()))
				.toList();
			List<String> numbers = bodies.stream().map(b -> b.get("registryNumber").asString()).toList();
			List<String> expected = new ArrayList<>();
			for (int i = 1; i <= 300; i++) {
				expected.add(prefix + String.format("%06d", i));
			}
			assertThat(numbers).containsExactlyElementsOf(expected);
			for (int i = 1; i < bodies.size(); i++) {
				assertThat(Instant.parse(bodies.get(i).get("registeredAt").asString()))
					.isAfterOrEqualTo(Instant.parse(bodies.get(i - 1).get("registeredAt").asString()));
			}
			routed.values().forEach(records -> records.forEach(r -> this.contracts.assertHonoured(ROUTED, r.key(),
					r.headers(), r.value())));
			System.out.printf("two instances + restart: %d notes numbered %s..%s; close %d ms, take-over %d ms "
					+ "after close (first note routed), restart to RUNNING %d ms%n", numbers.size(), numbers.get(0),
					numbers.get(numbers.size() - 1), millis(closing, closed), millis(closed, takenOver),
					millis(restarting, running));
		}
	}

	@Test
	void sendsANoteWhoseRoutingKeepsFailingToTheDeadLetterTopicAndRoutesTheNextNotes() {
		// given: an instance whose directory fails while the switch is on
		RegistryTopics topics = topics("failing");
		AtomicBoolean failing = new AtomicBoolean();
		RoutingPolicies flaky = new RoutingPolicies(() -> {
			if (failing.get()) {
				throw new IllegalStateException("directory store unreachable");
			}
			return this.directories.current();
		}, RoutingPolicy.RULES);
		RegistryDesk broken = new RegistryDesk(flaky::current, this.registry.settings(), this.deadlines);
		KafkaStreams instance = start("routing-failing-" + UUID.randomUUID(), topics, broken, "routing-failing");
		awaitRunning(instance);
		Map<String, List<ConsumerRecord<String, String>>> routed = new HashMap<>();
		Map<String, List<ConsumerRecord<String, String>>> dead = new HashMap<>();

		try (KafkaConsumer<String, String> reader = reader(topics.routed());
				KafkaConsumer<String, String> deadLetters = reader(topics.receivedDlq())) {
			// when
			String before = send(topics, 0, 1).get(0);
			await().atMost(Duration.ofSeconds(60)).until(() -> read(reader, routed) >= 1);
			failing.set(true);
			String poisoned = send(topics, 1, 1).get(0);
			await().atMost(Duration.ofSeconds(60)).until(() -> read(deadLetters, dead) >= 1);
			failing.set(false);
			String after = send(topics, 2, 1).get(0);
			await().atMost(Duration.ofSeconds(60)).until(() -> read(reader, routed) >= 2);

			// then
			assertThat(routed).containsOnlyKeys(before, after);
			assertThat(dead).containsOnlyKeys(poisoned);
			Headers headers = dead.get(poisoned).get(0).headers();
			assertThat(header(headers, "x-valise-error")).isEqualTo("processing-failed");
			assertThat(header(headers, "x-valise-attempts")).isEqualTo("3");
			assertThat(header(headers, "x-exception-fqcn")).isEqualTo(IllegalStateException.class.getName());
			assertThat(header(headers, "x-exception-message")).startsWith("routing failed after 3 attempts: ")
				.contains("IllegalStateException: directory store unreachable")
				.doesNotContain("Cambodia");
			assertThat(header(headers, "x-original-topic")).isEqualTo(topics.received());
			assertThat(header(headers, "ce_subject")).isEqualTo(poisoned);
			assertThat(SampleNoteEvents.JSON.readTree(dead.get(poisoned).get(0).value()).get("noteId").asString())
				.isEqualTo(poisoned);
			String numberBefore = SampleNoteEvents.JSON.readTree(routed.get(before).get(0).value()).get("registryNumber").asString();
			String numberAfter = SampleNoteEvents.JSON.readTree(routed.get(after).get(0).value()).get("registryNumber").asString();
			assertThat(numberAfter).endsWith("/000002").startsWith(numberBefore.substring(0, numberBefore.length() - 6));
		}
	}

	private RegistryTopics topics(String prefix) {
		String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		RegistryTopics topics = new RegistryTopics(run + ".notes.received.v1", run + ".notes.routed.v1",
				run + ".notes.received.v1.dlq", run + ".routing.commands.v1");
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			admin.createTopics(List.of(topics.received(), topics.routed(), topics.receivedDlq(), topics.commands())
				.stream()
				.map(name -> new NewTopic(name, 3, (short) 1))
				.toList()).all().get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return topics;
	}

	/** Starts an instance, a static member of its application's group (as routing-service runs). */
	private KafkaStreams start(String application, RegistryTopics topics, RegistryDesk desk, String instance) {
		StreamsBuilder builder = new StreamsBuilder();
		RegistryTopology.addTo(builder, new RegistryTopology(
				() -> new RegistryProcessor(desk, SampleNoteEvents.JSON, this.headers, RecordTraces.NONE, this.meters),
				SampleNoteEvents.JSON, RecordTraces.NONE), SampleNoteEvents.JSON, topics);
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		properties.put(StreamsConfig.STATE_DIR_CONFIG,
				Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath().toString());
		properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
		properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance);
		KafkaStreams streams = new KafkaStreams(builder.build(), properties);
		this.instances.add(streams);
		streams.start();
		return streams;
	}

	private static void awaitRunning(KafkaStreams... instances) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> List.of(instances).stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING));
	}

	/** The instance whose thread runs the registry desk (the task reading the one-partition registry topic). */
	private static KafkaStreams deskOf(KafkaStreams... instances) {
		return List.of(instances)
			.stream()
			.filter(streams -> streams.metadataForLocalThreads()
				.stream()
				.map(ThreadMetadata::activeTasks)
				.flatMap(tasks -> tasks.stream())
				.anyMatch(task -> task.topicPartitions().stream().anyMatch(p -> p.topic().endsWith("registry-repartition"))))
			.findFirst()
			.orElseThrow();
	}

	/** Publishes {@code count} contract-valid notes with references of their own; returns their ids. */
	private List<String> send(RegistryTopics topics, int from, int count) {
		List<String> noteIds = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			String noteId = UUID.randomUUID().toString();
			ObjectNode body = SampleNoteEvents.noteReceived(this.seed, noteId, Instant.now());
			((ObjectNode) body.get("note")).put("reference", "INSTANCES/" + topics.received() + "/" + i);
			Headers headers = ceHeaders(noteId, Instant.now());
			this.contracts.assertHonoured(RECEIVED, noteId, headers, body.toString());
			this.producer.send(new ProducerRecord<>(topics.received(), null, noteId, body.toString(), headers));
			noteIds.add(noteId);
		}
		this.producer.flush();
		return noteIds;
	}

	/** Reads what is there; returns how many records were read in all. */
	private static int read(KafkaConsumer<String, String> reader, Map<String, List<ConsumerRecord<String, String>>> into) {
		for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
			into.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
		}
		return into.values().stream().mapToInt(List::size).sum();
	}

	private static long millis(long from, long to) {
		return Duration.ofNanos(to - from).toMillis();
	}

}
