package org.valise.routing.directory.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.routing.directory.DirectoryRecords.OfficeRecord;
import org.valise.routing.directory.DirectorySource.Loaded;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdminOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code directory.v1} on Kafka. Read whole by a plain consumer assigned to every partition, from the beginning to
 * the end offsets (compacted and small, so this is cheap; no consumer group), written with routing's producer
 * (acks=all, idempotent). Each record is a CloudEvent ({@code org.valise.directory.office.v1}) whose subject and key
 * are the office id; a tombstone carries the same headers without {@code ce_dataschema}.
 */
final class KafkaDirectoryTopic implements DirectoryTopic {

	static final String TYPE = "org.valise.directory.office.v1";

	static final String SCHEMA = "directory-office.v1.schema.json";

	/** How long a read or a write may take before it counts as failed (and is tried again later). */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final NewTopic topic;

	private final ConsumerFactory<String, String> consumers;

	private final KafkaTemplate<String, String> kafka;

	private final KafkaAdminOperations admin;

	private final CloudEventHeaders events;

	KafkaDirectoryTopic(NewTopic topic, ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
			KafkaAdminOperations admin, CloudEventHeaders events) {
		this.topic = topic;
		this.consumers = consumers;
		this.kafka = kafka;
		this.admin = admin;
		this.events = events;
	}

	@Override
	public String name() {
		return this.topic.name();
	}

	@Override
	public Map<String, String> read() {
		Properties overrides = new Properties();
		// a missing topic must not be made by the broker's auto-creation (not compacted): its owner declares it
		overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		try (Consumer<String, String> consumer = this.consumers.createConsumer(null, "directory-reader", null,
				overrides)) {
			List<TopicPartition> partitions = consumer.partitionsFor(name(), TIMEOUT)
				.stream()
				.map(info -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				// Kafka was down when the application declared its topics at start
				this.admin.createOrModifyTopics(this.topic);
				throw new IllegalStateException(name() + " did not exist; it has been created");
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			return readToEnd(consumer, consumer.endOffsets(partitions, TIMEOUT));
		}
	}

	private Map<String, String> readToEnd(Consumer<String, String> consumer, Map<TopicPartition, Long> ends) {
		Map<String, String> values = new HashMap<>();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), TIMEOUT) < end.getValue())) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Could not read " + name() + " to its end offsets " + ends + " in "
						+ TIMEOUT);
			}
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
				if (record.key() == null) {
					continue;
				}
				if (record.value() == null) {
					values.remove(record.key());
				}
				else {
					values.put(record.key(), record.value());
				}
			}
		}
		return values;
	}

	@Override
	public void write(List<OfficeRecord> records, Loaded directory) {
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (OfficeRecord record : records) {
			sends.add(this.kafka.send(new ProducerRecord<>(name(), null, record.officeId(), record.value(),
					headers(record, directory))));
		}
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing " + name(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the records of " + name(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the records of " + name() + " in " + TIMEOUT,
					ex);
		}
	}

	/** The CloudEvents headers; the same office of the same directory version always gets the same id. */
	private Headers headers(OfficeRecord record, Loaded directory) {
		String id = CloudEventHeaders.stableId("directory-office", record.officeId(), directory.version());
		return this.events.headers(id, TYPE, record.officeId(), directory.at(), record.tombstone() ? null : SCHEMA,
				null);
	}

}
