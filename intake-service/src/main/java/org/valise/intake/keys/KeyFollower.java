package org.valise.intake.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import org.valise.intake.kafka.BrokerFailures;
import org.valise.intake.keys.KeyLedger.Remembered;

/**
 * Follows the keys' topic from its beginning for as long as intake runs, on a thread of its own, with a consumer
 * assigned to its partition (no group: every instance reads everything), into the {@link KeyLedger}; and lets a
 * submission wait until its own claim has been read back.
 */
final class KeyFollower {

	private static final Logger logger = LoggerFactory.getLogger(KeyFollower.class);

	private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

	private final TopicPartition partition;

	private final Map<String, Object> consumerConfig;

	private final ObjectReader reader;

	private final KeyLedger ledger;

	private final Clock clock;

	private final Object lock = new Object();

	/** The next offset to read (guarded by {@link #lock}). */
	private long position;

	private volatile boolean running;

	private KafkaConsumer<String, byte[]> consumer;

	private Thread thread;

	KeyFollower(TopicPartition partition, Map<String, Object> consumerConfig, ObjectReader reader, KeyLedger ledger,
			Clock clock) {
		this.partition = partition;
		this.consumerConfig = consumerConfig;
		this.reader = reader;
		this.ledger = ledger;
		this.clock = clock;
	}

	Remembered remembered(String client, String key) {
		synchronized (this.lock) {
			return this.ledger.remembered(client, key, this.clock.instant());
		}
	}

	/**
	 * What the key remembers once the record at this offset has been read.
	 * @throws KeysUnavailableException when it was not read within the timeout
	 */
	Remembered rememberedAfter(long offset, String client, String key, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			while (this.position <= offset) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new KeysUnavailableException("The claim of an Idempotency-Key was not read back from "
							+ this.partition.topic() + " within " + timeout, new TimeoutException());
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.lock, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new KeysUnavailableException("Interrupted while settling an Idempotency-Key", ex);
				}
			}
			return this.ledger.remembered(client, key, this.clock.instant());
		}
	}

	void start() {
		this.consumer = new KafkaConsumer<>(this.consumerConfig);
		this.running = true;
		this.thread = new Thread(() -> {
			try {
				follow();
			}
			finally {
				this.consumer.close(Duration.ofSeconds(1));
			}
		}, "intake-idempotency-keys");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	boolean isRunning() {
		return this.running;
	}

	private void follow() {
		this.consumer.assign(List.of(this.partition));
		this.consumer.seekToBeginning(List.of(this.partition));
		Instant nextForget = this.clock.instant().plus(FORGET_EVERY);
		while (this.running) {
			ConsumerRecords<String, byte[]> records;
			try {
				records = this.consumer.poll(Duration.ofMillis(500));
			}
			catch (WakeupException ex) {
				break;
			}
			catch (KafkaException ex) {
				logger.warn("Could not read {}: {}", this.partition.topic(), BrokerFailures.describe(ex));
				pause();
				continue;
			}
			Instant now = this.clock.instant();
			synchronized (this.lock) {
				for (ConsumerRecord<String, byte[]> record : records) {
					KeyRecord value = read(record);
					if (value != null || record.value() == null) {
						this.ledger.apply(record.offset(), record.key(), value, now);
					}
					this.position = record.offset() + 1;
				}
				if (now.isAfter(nextForget)) {
					this.ledger.forgetExpired(now);
					nextForget = now.plus(FORGET_EVERY);
				}
				this.lock.notifyAll();
			}
		}
	}

	private KeyRecord read(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return null;
		}
		try {
			return this.reader.readValue(record.value());
		}
		catch (JacksonException ex) {
			logger.warn("Skipped an unreadable record at {}@{} of {}", record.partition(), record.offset(),
					record.topic());
			return null;
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
