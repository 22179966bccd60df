package org.valise.intake.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.valise.intake.kafka.BrokerFailures;
import org.valise.intake.kafka.ProducerSettings;
import org.valise.intake.keys.KeyLedger.Remembered;

/**
 * The Kafka side of the Idempotency-Keys' memory: writes claims, marks and withdrawals to partition 0 of
 * {@code intake-service.idempotency-keys.v1} (one partition: one order of claims, so that "first" means first) with an
 * idempotent {@code acks=all} producer, and follows the whole topic into a {@link KeyLedger} ({@link KeyFollower}). A
 * claim is settled once it has been read back: by then every earlier claim of the same key has been read too.
 */
@Component
public class IdempotencyKeys implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeys.class);

	private static final String CLIENT_ID = "intake-idempotency-keys";

	private final IdempotencyProperties properties;

	private final Map<String, Object> producerConfig;

	private final long sendTimeoutMs;

	private final JsonMapper json;

	private final KeyFollower follower;

	private KafkaProducer<String, byte[]> producer;

	IdempotencyKeys(IdempotencyProperties properties, KafkaProperties kafka, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.producerConfig = new HashMap<>(kafka.buildProducerProperties());
		this.producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		this.producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		this.producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
		ProducerSettings settings = ProducerSettings.of(this.producerConfig).requireDurable(properties.topic());
		this.sendTimeoutMs = settings.longestSendMs() + 1000;
		Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
		consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// The topic is declared by intake (compacted, one partition); reading must not have the broker make it first.
		consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
		this.json = json;
		this.follower = new KeyFollower(new TopicPartition(properties.topic(), 0), consumerConfig,
				json.readerFor(KeyRecord.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
				new KeyLedger(properties.retention()), clock);
		Duration retention = properties.retention();
		logger.info("Idempotency-Keys are remembered {} in {}, written by a producer with {}",
				(retention.toHours() % 24 == 0) ? retention.toDays() + " days" : retention, properties.topic(), settings);
	}

	/** What the client's key remembers, as far as this instance has read; {@code null} when nothing. */
	public Remembered remembered(String client, String key) {
		return this.follower.remembered(client, key);
	}

	/**
	 * A claim written.
	 *
	 * @param client the client
	 * @param key its key
	 * @param recordKey the claim's record key
	 * @param offset the claim's offset
	 */
	public record Claim(String client, String key, String recordKey, long offset) {
	}

	/**
	 * Claims the client's key for a submission.
	 * @throws KeysUnavailableException when Kafka did not acknowledge the claim
	 */
	public Claim claim(String client, String key, String digest, String noteId, Instant receivedAt) {
		String recordKey = KeyLedger.recordKey(KeyLedger.ledgerKey(client, key), UUID.randomUUID().toString());
		long offset = send(recordKey, KeyRecord.claim(client, key, digest, noteId, receivedAt));
		return new Claim(client, key, recordKey, offset);
	}

	/**
	 * What the key remembers once this instance has read the claim back.
	 * @throws KeysUnavailableException when the claim was not read back within the settle timeout
	 */
	public Remembered settled(Claim claim) {
		return this.follower.rememberedAfter(claim.offset(), claim.client(), claim.key(),
				this.properties.settleTimeout());
	}

	/**
	 * Marks the claimed note published, and waits until this instance has read the mark back, so that a retry it
	 * serves next is answered without publishing again. A mark that fails is logged: a retry then publishes the note
	 * again, under the same id.
	 */
	public void markPublished(String client, String key, Remembered claim) {
		try {
			long offset = send(claim.recordKey(), new KeyRecord(client, key, claim.digest(), claim.noteId(),
					claim.receivedAt(), claim.claimOffset(), true));
			this.follower.rememberedAfter(offset, client, key, this.properties.settleTimeout());
		}
		catch (KeysUnavailableException ex) {
			logger.warn("Note {} was published but its Idempotency-Key could not be marked ({}): a retry with the "
					+ "same key publishes it again, which routing registers as a duplicate of itself", claim.noteId(),
					BrokerFailures.describe(ex));
		}
	}

	/** Withdraws a claim that lost its race (a tombstone, which compaction removes with the claim). Best effort. */
	public void withdraw(Claim claim) {
		try {
			this.producer.send(new ProducerRecord<>(this.properties.topic(), 0, claim.recordKey(), null),
					(metadata, ex) -> {
						if (ex != null) {
							logger.debug("Could not withdraw a claim that lost its race: {}", BrokerFailures.describe(ex));
						}
					});
		}
		catch (KafkaException ex) {
			logger.debug("Could not withdraw a claim that lost its race: {}", BrokerFailures.describe(ex));
		}
	}

	private long send(String recordKey, KeyRecord record) {
		try {
			return this.producer
				.send(new ProducerRecord<>(this.properties.topic(), 0, recordKey, this.json.writeValueAsBytes(record)))
				.get(this.sendTimeoutMs, TimeUnit.MILLISECONDS)
				.offset();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KeysUnavailableException("Interrupted while writing an Idempotency-Key", ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			throw new KeysUnavailableException(
					"Kafka did not acknowledge an Idempotency-Key's record on " + this.properties.topic(), ex);
		}
	}

	@Override
	public synchronized void start() {
		this.producer = new KafkaProducer<>(this.producerConfig);
		this.follower.start();
	}

	@Override
	public synchronized void stop() {
		this.follower.stop();
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(2));
			this.producer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.follower.isRunning();
	}

	/** Started before the web server takes requests, stopped after it. */
	@Override
	public int getPhase() {
		return 0;
	}

}
