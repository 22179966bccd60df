package org.valise.routing.directory.publishing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.valise.routing.directory.DirectoryProperties;
import org.valise.routing.directory.DirectoryRecords;
import org.valise.routing.directory.DirectoryRecords.OfficeRecord;
import org.valise.routing.directory.DirectorySource;
import org.valise.routing.directory.DirectorySource.Loaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DirectoryPublisherTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@TempDir
	Path folder;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final FakeTopic topic = new FakeTopic();

	private DirectoryPublisher publisher;

	@AfterEach
	void stop() {
		if (this.publisher != null) {
			this.publisher.stop();
		}
	}

	@Test
	void startsAtOnceWhileKafkaIsDownAndPublishesEveryOfficeOnceItAnswers(CapturedOutput output) throws IOException {
		CountDownLatch kafkaBack = new CountDownLatch(1);
		this.topic.readFailures.add(new IllegalStateException("Kafka is down"));
		this.topic.readFailures.add(new IllegalStateException("Kafka is still down"));
		this.topic.blockFirstReadUntil = kafkaBack;
		DirectorySource source = source(iom());

		this.publisher = publisher(source);
		this.publisher.start();

		assertThat(this.publisher.isRunning()).isTrue();
		assertThat(this.topic.writes).isEmpty();
		kafkaBack.countDown();
		await().atMost(WAIT).until(() -> this.topic.writes.size() == 1);
		assertThat(this.topic.writes.get(0)).extracting(OfficeRecord::officeId)
			.containsExactly("ODG", "DDGO", "DDGMR", "DMM", "DPR", "DOE", "OLA", "PROTOCOL", "TRIAGE");
		assertThat(this.topic.reads).hasValue(3);
		assertThat(count("failed")).isEqualTo(2);
		assertThat(count("published")).isEqualTo(1);
		assertThat(output.getAll()).contains("Could not publish organisation directory version "
				+ source.loaded().version() + " on directory.v1; trying again in PT0.01S: "
				+ "java.lang.IllegalStateException: Kafka is down")
			.contains("trying again in PT0.02S")
			.contains("Published organisation directory version " + source.loaded().version()
					+ " on directory.v1: 9 offices written, 0 removed, 9 in force");
	}

	@Test
	void writesNothingWhenTheTopicHoldsTheDirectoryAlready() throws IOException {
		DirectorySource source = source(iom());
		DirectoryRecords.toWrite(Map.of(), source.current(), "an older version").forEach(this.topic::apply);

		this.publisher = publisher(source);
		this.publisher.start();

		await().atMost(WAIT).until(() -> count("unchanged") == 1);
		assertThat(this.topic.writes).singleElement().asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
	}

	@Test
	void publishesWhatEachReloadedDirectoryChangesAndReadsTheTopicAgainAfterAFailedWrite() throws IOException {
		DirectorySource source = source(iom());
		this.publisher = publisher(source);
		this.publisher.start();
		await().atMost(WAIT).until(() -> count("published") == 1);

		this.topic.writeFailures.add(new IllegalStateException("not acknowledged"));
		Files.writeString(this.folder.resolve("directory.yml"),
				iom().replace("name: Protocol Office", "name: Office of Protocol").replace("id: DOE", "id: EMERGENCIES"));
		assertThat(source.reload()).isTrue();

		await().atMost(WAIT).until(() -> count("published") == 2);
		assertThat(count("failed")).isEqualTo(1);
		assertThat(this.topic.reads).as("read again after the failed write").hasValue(2);
		assertThat(this.topic.writes.get(this.topic.writes.size() - 1)).extracting(OfficeRecord::officeId)
			.containsExactly("EMERGENCIES", "PROTOCOL", "DOE");
		assertThat(this.topic.values).containsKeys("EMERGENCIES", "PROTOCOL")
			.doesNotContainKey("DOE")
			.hasSize(9);
		assertThat(this.topic.values.get("PROTOCOL")).contains("\"name\":\"Office of Protocol\"")
			.contains("\"directoryVersion\":\"" + source.loaded().version() + "\"");
	}

	private DirectoryPublisher publisher(DirectorySource source) {
		return new DirectoryPublisher(source, this.topic, this.meters, Duration.ofMillis(10), Duration.ofMillis(40));
	}

	private DirectorySource source(String yaml) throws IOException {
		Path file = this.folder.resolve("directory.yml");
		Files.writeString(file, yaml, StandardCharsets.UTF_8);
		return new DirectorySource(new DirectoryProperties(new FileSystemResource(file), Duration.ZERO));
	}

	private double count(String outcome) {
		var counter = this.meters.find(DirectoryPublisher.METER).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String iom() throws IOException {
		return new ClassPathResource("directory/iom.yml").getContentAsString(StandardCharsets.UTF_8);
	}

	/** A topic in memory that fails as told. */
	static final class FakeTopic implements DirectoryTopic {

		final Map<String, String> values = new HashMap<>();

		final List<List<OfficeRecord>> writes = new ArrayList<>();

		final AtomicInteger reads = new AtomicInteger();

		final Deque<RuntimeException> readFailures = new ArrayDeque<>();

		final Deque<RuntimeException> writeFailures = new ArrayDeque<>();

		volatile CountDownLatch blockFirstReadUntil;

		@Override
		public String name() {
			return "directory.v1";
		}

		@Override
		public synchronized Map<String, String> read() {
			CountDownLatch latch = this.blockFirstReadUntil;
			this.blockFirstReadUntil = null;
			if (latch != null) {
				try {
					latch.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			this.reads.incrementAndGet();
			if (!this.readFailures.isEmpty()) {
				throw this.readFailures.poll();
			}
			return Map.copyOf(this.values);
		}

		@Override
		public synchronized void write(List<OfficeRecord> records, Loaded directory) {
			if (!this.writeFailures.isEmpty()) {
				throw this.writeFailures.poll();
			}
			records.forEach(this::apply);
			this.writes.add(records);
		}

		void apply(OfficeRecord record) {
			if (record.tombstone()) {
				this.values.remove(record.officeId());
			}
			else {
				this.values.put(record.officeId(), record.value());
			}
		}

	}

}
