package org.valise.kafka.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The tool's Kafka I/O, plain kafka-clients: reads a topic from the beginning to its end, read_committed, without a
 * consumer group; and replays dead letters with their ledger marks in one transaction of an idempotent, acks=all
 * producer whose fixed transactional id ({@value #TRANSACTIONAL_ID}) fences any other replay running at the same
 * time.
 */
final class DeadLetterKafka implements AutoCloseable {

	static final String TRANSACTIONAL_ID = "valise-dlq-replay";

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	private final Map<String, Object> config;

	private final KafkaConsumer<byte[], byte[]> consumer;

	private KafkaProducer<byte[], byte[]> producer;

	/**
	 * @param config the client configuration: bootstrap servers and, on a secured broker, security settings
	 */
	DeadLetterKafka(Map<String, Object> config) {
		this.config = Map.copyOf(config);
		Map<String, Object> consumerConfig = new HashMap<>(config);
		consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "valise-dlq");
		this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/** The topics of the cluster (internal ones left out). */
	Set<String> topics() {
		return this.consumer.listTopics().keySet();
	}

	/** Every committed record of a topic, from its beginning to its end as it was when reading started. */
	List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic).stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(partitions);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
		while (partitions.stream().anyMatch((partition) -> this.consumer.position(partition) < ends.get(partition))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
			}
			for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(500))) {
				if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
					records.add(record);
				}
			}
		}
		this.consumer.assign(List.of());
		return records;
	}

	/** The replay ledger as committed (empty when its topic does not exist yet). */
	ReplayLedger ledger() {
		ReplayLedger ledger = new ReplayLedger();
		if (topics().contains(ReplayLedger.TOPIC)) {
			for (ConsumerRecord<byte[], byte[]> record : readAll(ReplayLedger.TOPIC)) {
				ledger.add(text(record.key()), text(record.value()));
			}
		}
		return ledger;
	}

	/**
	 * Before reading the ledger for a replay: creates the ledger topic if missing (compacted, one partition) and
	 * takes the transactional id, which completes or aborts the transaction of an earlier replay and fences one
	 * still running. The ledger read afterwards holds every replay committed before.
	 */
	void startReplaying() throws Exception {
		try (Admin admin = Admin.create(this.config)) {
			admin.createTopics(List.of(new NewTopic(ReplayLedger.TOPIC, Optional.of(1), Optional.empty())
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		Map<String, Object> producerConfig = new HashMap<>(this.config);
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
		producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "valise-dlq-replay");
		this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
		this.producer.initTransactions();
	}

	/**
	 * Writes each dead letter's original record back and its ledger mark, all in one transaction: either every one
	 * is replayed and recorded, or none.
	 * @return where each was written ({@code topic-partition@offset}), in order
	 */
	List<String> replay(List<DeadLetter> deadLetters, ReplayLedger ledger, Instant now) throws Exception {
		List<String> written = new ArrayList<>();
		this.producer.beginTransaction();
		try {
			for (DeadLetter deadLetter : deadLetters) {
				RecordMetadata metadata = this.producer.send(ReplayRecords.replay(deadLetter)).get();
				String to = metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
				this.producer.send(ReplayRecords.mark(deadLetter, ledger.next(deadLetter, to, now))).get();
				written.add(to);
			}
			this.producer.commitTransaction();
		}
		catch (Exception ex) {
			try {
				this.producer.abortTransaction();
			}
			catch (RuntimeException abort) {
				ex.addSuppressed(abort);
			}
			throw ex;
		}
		return written;
	}

	@Override
	public void close() {
		this.consumer.close();
		if (this.producer != null) {
			this.producer.close();
		}
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
