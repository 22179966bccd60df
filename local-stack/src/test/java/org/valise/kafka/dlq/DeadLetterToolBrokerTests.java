package org.valise.kafka.dlq;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tool on a real broker (Kafka's KRaft broker in the test JVM), through its command line: dead letters written
 * as the services' handler writes them (idempotent, acks=all, key-partitioned, {@code DeadLetters}' headers), listed,
 * replayed to {@code notes.received.v1} and read back read_committed, a second replay refused.
 */
@EmbeddedKafka(partitions = 3, topics = { DeadLetterToolBrokerTests.RECEIVED, DeadLetterToolBrokerTests.DLQ,
		DeadLetterToolBrokerTests.OTHER_DLQ })
class DeadLetterToolBrokerTests {

	static final String RECEIVED = "notes.received.v1";

	static final String DLQ = "notes.received.v1.dlq";

	static final String OTHER_DLQ = "notes.other.v1.dlq";

	private final EmbeddedKafkaBroker broker;

	DeadLetterToolBrokerTests(EmbeddedKafkaBroker broker) {
		this.broker = broker;
	}

	@Test
	void listsADeadLetterReplaysItToItsOriginalTopicAndRefusesASecondReplay() {
		// given: a note that routing could not read, dead-lettered
		RecordMetadata deadLetter = writeDeadLetter(DLQ, DeadLetterSamples.unreadableNote().key("note-replayed"));
		String position = deadLetter.partition() + "@" + deadLetter.offset();

		// when
		Run listed = run("list");

		// then
		System.out.println("./valise dlq list\n" + listed.out());
		assertThat(listed.status()).isZero();
		assertThat(listed.out()).contains(DLQ + "-" + position + "  from=notes.received.v1-1@17"
				+ "  failed-at=2026-01-01T00:00:00Z  stage=reading  error=not-json  key=note-replayed  value="
				+ DeadLetterSamples.NOTE_JSON.length() + " B  replayed=no\n")
			.contains("notification.dlq.v1: no such topic\n")
			.doesNotContain("Permanent Mission");

		// when
		Run replayed = run("replay", "--topic", DLQ, "--offset", position);

		// then
		assertThat(replayed.status()).as(replayed.err()).isZero();
		assertThat(replayed.out()).contains("replayed " + DLQ + "-" + position + " to " + RECEIVED + "-")
			.contains("1 replayed, 0 refused, 0 skipped");
		ConsumerRecord<byte[], byte[]> original = awaitCommitted(RECEIVED, "note-replayed");
		assertThat(new String(original.value(), StandardCharsets.UTF_8)).isEqualTo(DeadLetterSamples.NOTE_JSON);
		assertThat(List.of(original.headers().toArray())).extracting(Header::key)
			.containsExactly("ce_id", "traceparent", "x-valise-replayed-from");
		assertThat(DeadLetterHeaders.text(original.headers(), "x-valise-replayed-from")).isEqualTo(DLQ + "-" + position);

		// when
		Run again = run("replay", "--topic", DLQ, "--offset", position);

		// then
		assertThat(again.status()).isEqualTo(1);
		assertThat(again.err()).contains("dlq: refused " + DLQ + "-" + position + ": it was already replayed to "
				+ RECEIVED + "-" + original.partition() + "@" + original.offset());
		assertThat(committed(RECEIVED, "note-replayed")).hasSize(1);
		assertThat(run("list", "--topic", DLQ).out()).contains("key=note-replayed  value=" + DeadLetterSamples.NOTE_JSON
			.length() + " B  replayed=yes (1x, last to " + RECEIVED + "-" + original.partition() + "@"
				+ original.offset() + " at ");
	}

	@Test
	void refusesADeadLetterWhoseValueWasOmittedAndReplaysTheOthersWithAll() {
		// given
		RecordMetadata omitted = writeDeadLetter(OTHER_DLQ, DeadLetterSamples.unreadableNote().key("note-too-large")
			.valueOmitted(2_000_000).error("too-large"));
		writeDeadLetter(OTHER_DLQ, DeadLetterSamples.unreadableNote().key("note-fixed").error("processing-failed"));

		// when
		Run dryRun = run("replay", "--topic", OTHER_DLQ, "--all", "--dry-run");
		Run replayed = run("replay", "--topic", OTHER_DLQ, "--all");
		Run again = run("replay", "--topic", OTHER_DLQ, "--all");

		// then
		String refusal = "dlq: refused " + OTHER_DLQ + "-" + omitted.partition() + "@" + omitted.offset()
				+ ": its value (2000000 bytes) was too large to keep in the dead letter and cannot be replayed";
		assertThat(dryRun.out()).contains("dry run, nothing written: 1 replayed, 1 refused, 0 skipped");
		assertThat(replayed.status()).isEqualTo(1);
		assertThat(replayed.err()).contains(refusal);
		assertThat(replayed.out()).contains("1 replayed, 1 refused, 0 skipped");
		assertThat(again.out()).contains("0 replayed, 1 refused, 1 skipped");
		assertThat(committed(RECEIVED, "note-fixed")).hasSize(1);
		assertThat(committed(RECEIVED, "note-too-large")).isEmpty();
	}

	private RecordMetadata writeDeadLetter(String topic, DeadLetterSamples.Builder deadLetter) {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
			return producer.send(new ProducerRecord<>(topic, null, deadLetter.keyBytes(), deadLetter.valueBytes(),
					deadLetter.headers())).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = DeadLetterTool.run(args, Map.of("KAFKA_BOOTSTRAP_SERVERS", this.broker.getBrokersAsString())::get,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private ConsumerRecord<byte[], byte[]> awaitCommitted(String topic, String key) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			found.clear();
			found.addAll(committed(topic, key));
			assertThat(found).hasSize(1);
		});
		return found.get(0);
	}

	/** The committed records of a topic with this key, read from the beginning to the end. */
	private List<ConsumerRecord<byte[], byte[]>> committed(String topic, String key) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
				.map((info) -> new TopicPartition(topic, info.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
						records.add(record);
					}
				});
			}
			return records;
		}
	}

	/** What one command line did. */
	private record Run(int status, String out, String err) {
	}

}
