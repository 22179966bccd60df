package org.valise.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.valise.system.faults.Processes;

import static org.awaitility.Awaitility.await;

/**
 * The plain kafka-clients pipeline on the benchmark's broker: three {@link RawHop} processes
 * ({@code raw.received → route → raw.routed → track → raw.dispatches → deliver → raw.delivered}, 3 partitions each,
 * as Valise's topics), fed copies of intake's {@code NoteReceived} records, watched at its end (read_committed).
 */
final class RawPipeline implements AutoCloseable {

	static final List<String> TOPICS = List.of("raw.received", "raw.routed", "raw.dispatches", "raw.delivered");

	private static final List<String> HOPS = List.of("route", "track", "deliver");

	private final Map<String, Process> hops = new LinkedHashMap<>();

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread watcher;

	private final Feeder feeder;

	private volatile boolean running = true;

	private RawPipeline(String bootstrap, Path logs) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			List<NewTopic> topics = new ArrayList<>();
			TOPICS.forEach((topic) -> topics.add(new NewTopic(topic, 3, (short) 1)));
			admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
		}
		for (int i = 0; i < HOPS.size(); i++) {
			String hop = HOPS.get(i);
			Path log = logs.resolve("raw-" + hop + ".log");
			this.hops.put(hop, Processes.start(new ProcessBuilder(Processes.java(), "-Xmx256m", "-cp",
					System.getProperty("java.class.path"), RawHop.class.getName(), bootstrap, hop, TOPICS.get(i),
					TOPICS.get(i + 1)).redirectErrorStream(true).redirectOutput(log.toFile())));
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!this.hops.get(hop).isAlive()) {
					throw new IllegalStateException("Raw hop " + hop + " exited; see " + log);
				}
				return Files.exists(log) && Files.readString(log).contains("READY " + hop);
			});
		}
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "raw-watch-" + UUID.randomUUID(), ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (int p = 0; p < 3; p++) {
			partitions.add(new TopicPartition(TOPICS.get(3), p));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.watcher = new Thread(this::watch, "raw-watch");
		this.watcher.setDaemon(true);
		this.watcher.start();
		this.feeder = new Feeder(bootstrap);
	}

	static RawPipeline start(String bootstrap, Path logs) throws Exception {
		return new RawPipeline(bootstrap, logs);
	}

	/** The hops' process ids, for their CPU time and memory. */
	Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		this.hops.forEach((hop, process) -> pids.put("raw-" + hop, process.pid()));
		return pids;
	}

	/** Feeds that many notes as fast as the producer takes them; the rate at which they came out at the end. */
	Feeder.Burst burst(ReceivedCopies copies, int count, Duration timeout) {
		return this.feeder.burst(copies, TOPICS.get(0), count, timeout, (id) -> this.seen.getOrDefault(id, 0L));
	}

	/** Feeds notes at a constant rate (open loop); the latency from send to visible at the end. */
	LatencySummary atRate(ReceivedCopies copies, double rate, Duration duration, Duration timeout) {
		Map<String, Long> sent = this.feeder.atRate(copies, TOPICS.get(0), rate, duration);
		await().atMost(timeout).pollInterval(Duration.ofMillis(100))
			.until(() -> sent.keySet().stream().allMatch(this.seen::containsKey));
		Histogram latency = LatencySummary.histogram();
		sent.forEach((id, at) -> LatencySummary.record(latency, this.seen.get(id) - at));
		return LatencySummary.of(latency);
	}

	private void watch() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					this.seen.putIfAbsent(record.key(), FlowWatch.now());
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

	@Override
	public void close() throws IOException, InterruptedException {
		this.feeder.close();
		this.running = false;
		this.consumer.wakeup();
		this.watcher.join(10_000);
		this.hops.values().forEach((process) -> Processes.stop(process, 10));
	}

}
