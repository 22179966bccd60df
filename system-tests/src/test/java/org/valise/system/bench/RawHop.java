package org.valise.system.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One hop of the plain kafka-clients pipeline, the baseline Valise is compared with — a process of its own
 * ({@code java -cp <test classpath> org.valise.system.bench.RawHop <bootstrap> <hop> <in> <out>}): consume, read the
 * JSON, write the next event's JSON (Jackson, as the services), produce, and commit the consumed offsets in the same
 * Kafka transaction (exactly once: read_committed in, transactional out). No Spring, no HTTP, no state store. The hops:
 * {@code route} (NoteReceived → a routed note), {@code track} (→ a delivery job), {@code deliver} (→ delivered).
 */
public final class RawHop {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> OFFICES = List.of("ODG", "DDG", "DMM", "DOE", "LEG", "PRD", "HRM", "ICT");

	private RawHop() {
	}

	public static void main(String[] args) {
		String bootstrap = args[0];
		String hop = args[1];
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "raw-" + hop, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"), new StringDeserializer(),
				new ByteArrayDeserializer());
		KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "raw-" + hop + "-1"), new StringSerializer(),
				new ByteArraySerializer());
		Thread main = Thread.currentThread();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			consumer.wakeup();
			try {
				main.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		producer.initTransactions();
		consumer.subscribe(List.of(args[2]), new ConsumerRebalanceListener() {
			@Override
			public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			}

			@Override
			public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
				System.out.println("READY " + hop + " " + partitions);
			}
		});
		try {
			long counter = 0;
			while (true) {
				ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
				if (records.isEmpty()) {
					continue;
				}
				producer.beginTransaction();
				Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
				for (ConsumerRecord<String, byte[]> record : records) {
					byte[] next = transform(hop, json.readTree(record.value()), ++counter);
					ProducerRecord<String, byte[]> out = new ProducerRecord<>(args[3], record.key(), next);
					out.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
					out.headers().add("ce_type", ("raw." + hop).getBytes(StandardCharsets.UTF_8));
					producer.send(out);
					offsets.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
				}
				producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
				producer.commitTransaction();
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		finally {
			producer.close(Duration.ofSeconds(5));
			consumer.close(Duration.ofSeconds(5));
		}
	}

	static byte[] transform(String hop, JsonNode in, long counter) {
		ObjectNode out = json.createObjectNode();
		String noteId = in.path("noteId").asString();
		out.put("noteId", noteId);
		switch (hop) {
			case "route" -> {
				String office = OFFICES.get(Math.floorMod(in.path("note").path("sender").asString("").hashCode(),
						OFFICES.size()));
				out.put("outcome", "ROUTED");
				out.put("registryNumber", String.format("IN/2026/%06d", counter));
				ObjectNode destination = out.putObject("destination");
				destination.put("officeId", office);
				destination.putArray("channels").addObject().put("type", "email").put("address",
						office.toLowerCase() + "@iom.example.org");
				out.put("rule", "raw-by-sender");
				out.set("note", in.path("note"));
				out.put("routedAt", Instant.now().toString());
			}
			case "track" -> {
				out.put("deliveryId", UUID.nameUUIDFromBytes((noteId + "/email").getBytes(StandardCharsets.UTF_8))
					.toString());
				out.put("registryNumber", in.path("registryNumber").asString());
				out.set("destination", in.path("destination"));
				out.put("subject", "Note " + in.path("registryNumber").asString());
				out.set("note", in.path("note"));
				out.put("attempt", 1);
			}
			default -> {
				out.put("deliveryId", in.path("deliveryId").asString());
				out.put("officeId", in.path("destination").path("officeId").asString());
				out.put("channel", "email");
				out.put("deliveredAt", Instant.now().toString());
			}
		}
		return json.writeValueAsBytes(out);
	}

}
