package org.valise.system.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Writes copies of {@code NoteReceived} records straight to a topic, as intake's producer does (acks=all,
 * idempotent): in a burst, or at a constant rate.
 */
final class Feeder implements AutoCloseable {

	/**
	 * A burst's outcome.
	 *
	 * @param notes notes fed
	 * @param completed notes that came out at the end within the timeout
	 * @param seconds from the first send to the last note out
	 * @param rate completed notes per second
	 */
	record Burst(int notes, long completed, double seconds, double rate) {
	}

	private final KafkaProducer<String, byte[]> producer;

	Feeder(String bootstrap) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
				new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * @param done when a note came out at the end (micros since the epoch), or 0/null while it has not
	 */
	Burst burst(ReceivedCopies copies, String topic, int count, Duration timeout, ToLongFunction<String> done) {
		String[] ids = new String[count];
		ProducerRecord<String, byte[]>[] records = prepare(copies, topic, count, ids);
		long start = FlowWatch.now();
		for (ProducerRecord<String, byte[]> record : records) {
			this.producer.send(record);
		}
		this.producer.flush();
		try {
			await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> completed(ids, done) == count);
		}
		catch (ConditionTimeoutException ex) {
			// reported as fewer completed
		}
		long last = start;
		for (String id : ids) {
			last = Math.max(last, at(done, id));
		}
		double seconds = Math.max(0.001, (last - start) / 1e6);
		long completed = completed(ids, done);
		return new Burst(count, completed, Math.round(seconds * 100) / 100.0, Math.round(completed / seconds * 10) / 10.0);
	}

	/** Sends a new note every 1/rate s for the duration; returns when each was sent (micros), by note id. */
	Map<String, Long> atRate(ReceivedCopies copies, String topic, double rate, Duration duration) {
		Map<String, Long> sent = new ConcurrentHashMap<>();
		long count = Math.round(rate * duration.toMillis() / 1000.0);
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		try {
			long period = Math.round(1_000_000 / rate);
			scheduler.scheduleAtFixedRate(() -> {
				if (sent.size() < count) {
					ProducerRecord<String, byte[]> record = copies.next(topic);
					sent.put(record.key(), FlowWatch.now());
					this.producer.send(record);
				}
			}, 0, period, TimeUnit.MICROSECONDS);
			await().atMost(duration.plusSeconds(30)).pollInterval(Duration.ofMillis(100))
				.until(() -> sent.size() >= count);
		}
		finally {
			scheduler.shutdownNow();
		}
		this.producer.flush();
		return sent;
	}

	@SuppressWarnings("unchecked")
	private static ProducerRecord<String, byte[]>[] prepare(ReceivedCopies copies, String topic, int count, String[] ids) {
		ProducerRecord<String, byte[]>[] records = new ProducerRecord[count];
		for (int i = 0; i < count; i++) {
			records[i] = copies.next(topic);
			ids[i] = records[i].key();
		}
		return records;
	}

	private static long completed(String[] ids, ToLongFunction<String> done) {
		long completed = 0;
		for (String id : ids) {
			completed += (at(done, id) > 0) ? 1 : 0;
		}
		return completed;
	}

	private static long at(ToLongFunction<String> done, String id) {
		return done.applyAsLong(id);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
