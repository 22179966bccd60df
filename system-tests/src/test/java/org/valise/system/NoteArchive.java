package org.valise.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a downstream archive does, with nothing but a plain Kafka consumer and the published contract: read the
 * three event topics from the very beginning (committed transactions only), keep each event once by its
 * CloudEvents id, and rebuild every note's history in the order of the facts.
 */
final class NoteArchive {

	static final List<String> TOPICS = List.of("notes.received.v1", "notes.routed.v1", "notes.delivery.v1");

	/** One archived event. */
	record ArchivedEvent(String noteId, String id, String type, Instant time, String topic, String traceId,
			String body) {
	}

	private final Map<String, ArchivedEvent> eventsById = new LinkedHashMap<>();

	private int duplicatesDropped;

	/** Reads every topic from its beginning up to its current end. */
	static NoteArchive rebuild(String bootstrapServers) {
		NoteArchive archive = new NoteArchive();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
				"archive-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				"false"), new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : TOPICS) {
				consumer.partitionsFor(topic).forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The archive could not read the topics to their end in 30 s");
				}
				consumer.poll(Duration.ofMillis(200)).forEach(archive::keep);
			}
		}
		return archive;
	}

	/** The history of one note, in the order of the facts (CloudEvents {@code time}, then topic order). */
	List<ArchivedEvent> history(String noteId) {
		return this.eventsById.values()
			.stream()
			.filter((event) -> noteId.equals(event.noteId()))
			.sorted(Comparator.comparing(ArchivedEvent::time))
			.toList();
	}

	int duplicatesDropped() {
		return this.duplicatesDropped;
	}

	private void keep(ConsumerRecord<String, String> record) {
		ArchivedEvent event = new ArchivedEvent(record.key(), header(record, "ce_id"), header(record, "ce_type"),
				Instant.parse(header(record, "ce_time")), record.topic(), optionalHeader(record, "ce_traceid"),
				record.value());
		if (this.eventsById.putIfAbsent(event.id(), event) != null) {
			this.duplicatesDropped++;
		}
	}

	private static String optionalHeader(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null) {
			throw new IllegalStateException(record.topic() + "@" + record.offset() + " has no " + name + " header");
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
