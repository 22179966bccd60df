package org.valise.system.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far the services' Kafka Streams applications are behind: for each partition their group committed, the
 * records (committed transactions only) between the group's committed offset and the partition's last stable offset.
 * Counted by reading them, not by subtracting offsets: transaction markers take offsets too, and a group whose last
 * commit stopped just before a marker is not behind anything.
 */
public final class ConsumerLag implements AutoCloseable {

	/** The Kafka Streams application ids (consumer groups) of routing-service and notification-service. */
	static final List<String> GROUPS = List.of("routing-service", "notification-service-tracking");

	/** Offsets further behind than this are taken as the lag without being read record by record. */
	private static final long READ_AT_MOST = 5_000;

	private final Admin admin;

	private final KafkaConsumer<byte[], byte[]> reader;

	public ConsumerLag(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000));
		this.reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "fault-lag-" + UUID.randomUUID(), ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
	}

	/** Records not yet consumed, per group; -1 for a group whose offsets cannot be read now (e.g. broker down). */
	public Map<String, Long> pending() {
		Map<String, Long> pending = new HashMap<>();
		for (String group : GROUPS) {
			pending.put(group, pending(group));
		}
		return pending;
	}

	/** The sum over the groups, or -1 when one cannot be read. */
	public long total() {
		long total = 0;
		for (long lag : pending().values()) {
			if (lag < 0) {
				return -1;
			}
			total += lag;
		}
		return total;
	}

	private long pending(String group) {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			// Partitions a member was given but the group never committed (nothing processed there yet) count from
			// their beginning, as Kafka Streams reads them (auto.offset.reset=earliest).
			Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
			this.admin.describeConsumerGroups(List.of(group))
				.all()
				.get(10, TimeUnit.SECONDS)
				.get(group)
				.members()
				.forEach((member) -> partitions.addAll(member.assignment().topicPartitions()));
			if (partitions.isEmpty()) {
				return 0;
			}
			Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
			Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
			long lag = 0;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata commit = committed.get(partition);
				long from = Math.max((commit != null) ? commit.offset() : 0, starts.get(partition));
				long to = ends.get(partition);
				lag += (to - from > READ_AT_MOST) ? to - from : recordsBetween(partition, from, to);
			}
			return lag;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		this.admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
			.all()
			.get(10, TimeUnit.SECONDS)
			.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private long recordsBetween(TopicPartition partition, long from, long to) {
		if (from >= to) {
			return 0;
		}
		this.reader.assign(List.of(partition));
		this.reader.seek(partition, from);
		long count = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.reader.position(partition) < to && System.nanoTime() < deadline) {
			count += this.reader.poll(Duration.ofMillis(200))
				.records(partition)
				.stream()
				.filter((record) -> record.offset() < to)
				.count();
		}
		return count;
	}

	@Override
	public void close() {
		this.reader.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

}
