package org.valise.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@code notes.received.v1} back from a real broker as a registry would: a plain, read_committed consumer.
 */
public final class ReceivedNotes implements AutoCloseable {

	public static final String TOPIC = "notes.received.v1";

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	public ReceivedNotes(String bootstrapServers) {
		this(bootstrapServers, "read_committed");
	}

	/** With {@code read_uncommitted}, even records of aborted or unfinished writes would show. */
	public ReceivedNotes(String bootstrapServers, String isolationLevel) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel), new StringDeserializer(),
				new StringDeserializer());
		this.consumer.subscribe(List.of(TOPIC));
	}

	/** Waits for the record keyed by the note id. */
	public ConsumerRecord<String, String> awaitRecord(String noteId) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> poll(noteId), (record) -> record != null);
	}

	/** Waits for as many records keyed by the note id as expected, and returns them. */
	public List<ConsumerRecord<String, String>> awaitRecords(String noteId, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			poll(noteId);
			return this.seen.stream().filter((record) -> noteId.equals(record.key())).toList();
		}, (records) -> records.size() >= count);
	}

	/** Everything on the topic so far (waits a short while for stragglers). */
	public List<ConsumerRecord<String, String>> all() {
		for (int i = 0; i < 5; i++) {
			this.consumer.poll(Duration.ofMillis(400)).forEach(this.seen::add);
		}
		return List.copyOf(this.seen);
	}

	private ConsumerRecord<String, String> poll(String noteId) {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
		return this.seen.stream().filter((record) -> noteId.equals(record.key())).findFirst().orElse(null);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
