package org.valise.system.scale;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.valise.system.faults.FaultBench;
import org.valise.system.faults.Fleet;
import org.valise.system.faults.ServiceNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry desk's ceiling, measured: one routing-service instance on the three-broker cluster (replication 3,
 * acks=all, exactly_once_v2; {@code -Dvalise.ceiling.brokers=1}: one broker; {@code -Dvalise.ceiling.instances=2}: two
 * routing instances, which the one-partition desk does not make faster), intake and notification frozen (SIGSTOP) so that routing has the machine, and
 * {@code valise.ceiling.notes} (default 20,000) distinct NoteReceived records written straight to
 * {@code notes.received.v1} (a real one, each given a new note id, CloudEvents id, reference and text). It prints how
 * many registrations per second reach {@code notes.routed.v1} (read_committed): the rate at which the single-partition
 * total order numbers notes. A measurement for the README's Capacity section, not part of CI:
 * {@code -Dit.test=RegistryDeskCeilingTests}.
 */
class RegistryDeskCeilingTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void registersTheNotesOfABurstEachOnceAndPrintsTheRate() throws Exception {
		int notes = Integer.getInteger("valise.ceiling.notes", 20_000);
		int brokers = Integer.getInteger("valise.ceiling.brokers", 3);
		int instances = Integer.getInteger("valise.ceiling.instances", 1);
		try (FaultBench bench = FaultBench.start(ScaleProfile.ci().faultProfile(),
				new Fleet.Layout(instances, brokers, 0))) {
			Fleet fleet = bench.fleet();
			fleet.instances(Fleet.Service.INTAKE).forEach(ServiceNode::freeze);
			fleet.instances(Fleet.Service.NOTIFICATION).forEach(ServiceNode::freeze);
			ConsumerRecord<byte[], byte[]> template = first(fleet.bootstrapServers(), "notes.received.v1");
			try (KafkaConsumer<byte[], byte[]> routed = consumer(fleet.bootstrapServers())) {
				List<TopicPartition> partitions = routed.partitionsFor("notes.routed.v1")
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.toList();
				routed.assign(partitions);
				routed.seekToEnd(partitions);
				partitions.forEach(routed::position);
				Set<String> ids = new HashSet<>();
				Instant start = Instant.now();
				Duration written = write(fleet.bootstrapServers(), template, notes, ids);
				Set<String> registered = new HashSet<>();
				Instant first = null;
				Instant last = start;
				Instant deadline = start.plus(Duration.ofMinutes(10));
				while (registered.size() < notes && Instant.now().isBefore(deadline)) {
					for (ConsumerRecord<byte[], byte[]> record : routed.poll(Duration.ofMillis(200))) {
						String key = new String(record.key(), StandardCharsets.UTF_8);
						if (ids.contains(key) && registered.add(key)) {
							last = Instant.now();
							first = (first == null) ? last : first;
						}
					}
				}
				double seconds = Duration.between(start, last).toMillis() / 1000.0;
				double steady = (first != null) ? Duration.between(first, last).toMillis() / 1000.0 : Double.NaN;
				String line = String.format("[ceiling] %d NoteReceived written in %.1f s; %d registered on notes.routed.v1"
						+ " in %.1f s from the first write: %.0f registrations/s (%.0f/s from the first registration to"
						+ " the last; %d routing instance(s), %d broker(s), replication %d, exactly_once_v2)", notes,
						written.toMillis() / 1000.0, registered.size(), seconds, registered.size() / seconds,
						registered.size() / steady, instances, brokers, brokers);
				System.out.println(line);
				Files.createDirectories(Path.of("target", "scale"));
				Files.writeString(Path.of("target", "scale", "registry-desk-ceiling-" + instances + "x" + brokers + ".txt"), line + "\n");
				assertThat(registered).hasSize(notes);
			}
		}
	}

	/** Writes distinct copies of the template (new note id, CloudEvents id, reference and text); how long it took. */
	private static Duration write(String bootstrap, ConsumerRecord<byte[], byte[]> template, int notes, Set<String> ids)
			throws Exception {
		ObjectNode original = (ObjectNode) json.readTree(template.value());
		String originalId = original.path("noteId").asString();
		Instant start = Instant.now();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.LINGER_MS_CONFIG, "5"),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			for (int n = 1; n <= notes; n++) {
				String noteId = UUID.randomUUID().toString();
				ids.add(noteId);
				ObjectNode value = original.deepCopy();
				value.put("noteId", noteId);
				value.put("idempotencyKey", "ceiling-" + noteId);
				value.put("text", original.path("text").asString("") + "\n[ceiling " + n + "]");
				((ObjectNode) value.path("note")).put("reference",
						value.path("note").path("reference").asString("") + " C" + n);
				List<Header> headers = new ArrayList<>();
				for (Header header : template.headers()) {
					String text = new String(header.value(), StandardCharsets.UTF_8);
					String renewed = "ce_id".equals(header.key()) ? UUID.randomUUID().toString()
							: text.replace(originalId, noteId);
					headers.add(new RecordHeader(header.key(), renewed.getBytes(StandardCharsets.UTF_8)));
				}
				producer.send(new ProducerRecord<>(template.topic(), null, noteId.getBytes(StandardCharsets.UTF_8),
						json.writeValueAsBytes(value), headers));
			}
			producer.flush();
		}
		return Duration.between(start, Instant.now());
	}

	private static ConsumerRecord<byte[], byte[]> first(String bootstrap, String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Instant deadline = Instant.now().plusSeconds(30);
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					return record;
				}
			}
			throw new IllegalStateException("No NoteReceived on " + topic + " to copy");
		}
	}

	private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "ceiling-" + UUID.randomUUID(), ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

}
