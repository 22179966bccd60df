package org.valise.system.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.valise.system.faults.DeliveryWatch;
import org.valise.system.faults.OfficeMail;
import org.valise.system.faults.TopicArchive;

/**
 * When each note became visible where: its {@code NoteReceived}, {@code NoteRouted} (and the outcome) and
 * {@code NoteDelivered} to a {@code read_committed} reader of the topics (from their end when the watch started), and
 * its first e-mail at the offices' mail server. All times are this JVM's clock, in microseconds since the epoch. The
 * first few {@code NoteReceived} records are kept as they are, to feed routing directly and the plain pipeline.
 */
final class FlowWatch implements AutoCloseable {

	/** What was seen of a note (0: not yet). */
	static final class Trace {

		volatile long received;

		volatile long routed;

		volatile String outcome;

		volatile long delivered;

		volatile boolean failed;

		volatile long mailed;

		/** Nothing more is to come: mailed, given up, or routed to no office (triage, duplicate). */
		boolean settled() {
			return this.mailed > 0 || this.failed || (this.outcome != null && !"ROUTED".equals(this.outcome));
		}

		boolean mailable() {
			return "ROUTED".equals(this.outcome);
		}

	}

	private static final int KEPT = 200;

	private final Map<String, Trace> traces = new ConcurrentHashMap<>();

	private final List<ConsumerRecord<String, byte[]>> receivedSamples = new CopyOnWriteArrayList<>();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private volatile boolean running = true;

	FlowWatch(String bootstrapServers, OfficeMail mail) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID(), ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
				"2000"), new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : List.of(TopicArchive.RECEIVED, TopicArchive.ROUTED, TopicArchive.DELIVERY)) {
			this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position); // the end now, not when the first poll happens
		mail.onEmail(this::mailed);
		this.thread = new Thread(this::watch, "bench-flow-watch");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	static long now() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
	}

	static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	/** The note's trace (created empty if nothing was seen yet). */
	Trace trace(String noteId) {
		return this.traces.computeIfAbsent(noteId, (id) -> new Trace());
	}

	/** NoteReceived records as intake wrote them (key, value, headers), the first few seen. */
	List<ConsumerRecord<String, byte[]>> receivedSamples() {
		return List.copyOf(this.receivedSamples);
	}

	/** Forgets the notes seen so far (between phases, to keep the memory flat). */
	void forget(Iterable<String> noteIds) {
		noteIds.forEach(this.traces::remove);
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(10_000);
	}

	private void mailed(MimeMessage message) {
		try {
			String noteId = message.getHeader("X-Valise-Note-Id", null);
			if (noteId != null) {
				Trace trace = trace(noteId);
				if (trace.mailed == 0) {
					trace.mailed = now();
				}
			}
		}
		catch (MessagingException ex) {
			// not one of Valise's e-mails
		}
	}

	private void watch() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					seen(record, now());
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

	private void seen(ConsumerRecord<String, byte[]> record, long at) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		Trace trace = trace(record.key());
		switch (record.topic()) {
			case TopicArchive.RECEIVED -> {
				if (trace.received == 0) {
					trace.received = at;
				}
				if (this.receivedSamples.size() < KEPT) {
					this.receivedSamples.add(record);
				}
			}
			case TopicArchive.ROUTED -> {
				if (trace.routed == 0) {
					String body = new String(record.value(), StandardCharsets.UTF_8);
					trace.outcome = body.contains("\"outcome\":\"ROUTED\"") ? "ROUTED"
							: body.contains("\"outcome\":\"TRIAGE\"") ? "TRIAGE" : "DUPLICATE";
					trace.routed = at;
				}
			}
			default -> {
				String type = header(record, "ce_type");
				if (DeliveryWatch.ofTheNoteItself(record)) {
					if (TopicArchive.DELIVERED.equals(type) && trace.delivered == 0) {
						trace.delivered = at;
					}
					else if (TopicArchive.DELIVERY_FAILED.equals(type)) {
						trace.failed = true;
					}
				}
			}
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
