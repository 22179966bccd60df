package org.valise.system.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches {@code notes.delivery.v1} (read_committed) while the faults happen, and notes when each note's first
 * delivery — or its delivery's final failure — became visible to readers: what the harness waits on for quiet, and
 * measures recovery with.
 */
public final class DeliveryWatch implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private final Map<String, Instant> delivered = new ConcurrentHashMap<>();

	private final Map<String, Instant> failed = new ConcurrentHashMap<>();

	private volatile boolean running = true;

	DeliveryWatch(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "fault-watch-" + UUID.randomUUID(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				"false", ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000"), new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		this.consumer.partitionsFor(TopicArchive.DELIVERY, Duration.ofSeconds(30))
			.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.thread = new Thread(this::watch, "delivery-watch");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** When the first delivery of the note became visible, or null. */
	Instant deliveredAt(String noteId) {
		return this.delivered.get(noteId);
	}

	/** Whether every one of the notes has a delivery, or a delivery given up, visible to readers. */
	boolean allSettled(Collection<String> noteIds) {
		return noteIds.stream().allMatch((id) -> this.delivered.containsKey(id) || this.failed.containsKey(id));
	}

	/** How many of the notes have none yet. */
	long unsettled(Collection<String> noteIds) {
		return noteIds.stream().filter((id) -> !this.delivered.containsKey(id) && !this.failed.containsKey(id)).count();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(10_000);
	}

	private void watch() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(500))) {
					String type = header(record, "ce_type");
					if (!ofTheNoteItself(record)) {
						continue;
					}
					if (TopicArchive.DELIVERED.equals(type)) {
						this.delivered.putIfAbsent(record.key(), Instant.now());
					}
					else if (TopicArchive.DELIVERY_FAILED.equals(type)) {
						this.failed.putIfAbsent(record.key(), Instant.now());
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	/**
	 * Whether the event is about the note's own delivery: an information copy to an office in copy, or an escalation
	 * to a supervisor, says so in its {@code purpose} (absent before copies were delivered: the note's).
	 */
	public static boolean ofTheNoteItself(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return false;
		}
		String body = new String(record.value(), StandardCharsets.UTF_8);
		return !body.contains("\"purpose\":\"COPY\"") && !body.contains("\"purpose\":\"ESCALATION\"");
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
