package org.valise.system.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the topics say, as a registry or an archive reads them: every record of {@code notes.received.v1},
 * {@code notes.routed.v1}, {@code notes.delivery.v1} and {@code notes.received.v1.dlq} from the very beginning,
 * committed transactions only ({@code read_committed}), kept as the few facts the audit needs. {@link #catchUp()}
 * reads on to the current end (the last stable offset) each time it is called.
 */
public final class TopicArchive implements AutoCloseable {

	public static final String RECEIVED = "notes.received.v1";

	public static final String ROUTED = "notes.routed.v1";

	public static final String DELIVERY = "notes.delivery.v1";

	static final String DEAD_LETTERS = "notes.received.v1.dlq";

	public static final String DELIVERED = "org.valise.note.delivered.v1";

	public static final String DELIVERY_FAILED = "org.valise.note.delivery-failed.v1";

	static final String RECEIPT_DRAFTED = "org.valise.note.receipt-drafted.v1";

	/** A NoteReceived record. */
	public record Received(String noteId, String ceId) {
	}

	/** A channel of an office. */
	public record Channel(String type, String address) {
	}

	/** An office in copy of a note, and its channels. */
	public record Copy(String office, List<Channel> channels) {
	}

	/** A NoteRouted record. */
	public record Routed(String noteId, String ceId, String outcome, String registryNumber, int revision,
			String duplicateOf, String office, List<Channel> channels, List<Copy> copies) {

		/** Whether the registry saw this very note again (a retried submission), rather than deciding on it. */
		boolean sameNoteAgain() {
			return "DUPLICATE".equals(this.outcome) && this.noteId.equals(this.duplicateOf);
		}

		/** Whether this is a registration: a new number, ROUTED or TRIAGE. */
		public boolean registration() {
			return "ROUTED".equals(this.outcome) || "TRIAGE".equals(this.outcome);
		}

	}

	/**
	 * An event of notes.delivery.v1 ({@code deliveryId} null for those that have none; {@code purpose} NOTE, ESCALATION
	 * or COPY for a delivery, NOTE when a record written before the field has none).
	 */
	public record DeliveryEvent(String noteId, String ceId, String type, String deliveryId, String office,
			String channel, String purpose) {
	}

	/** A record of the dead-letter topic. */
	record DeadLetter(String key, String error) {
	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Map<String, List<Received>> received = new HashMap<>();

	private final Map<String, List<Routed>> routed = new HashMap<>();

	private final Map<String, List<DeliveryEvent>> deliveries = new HashMap<>();

	private final List<DeadLetter> deadLetters = new ArrayList<>();

	/** Records per (topic, ce_id): more than one is a duplicated event. */
	private final Map<String, Integer> ceIds = new HashMap<>();

	private final List<String> unreadable = new ArrayList<>();

	public TopicArchive(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "fault-audit-" + UUID.randomUUID(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				"false", ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024)),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : List.of(RECEIVED, ROUTED, DELIVERY, DEAD_LETTERS)) {
			List<PartitionInfo> infos = this.consumer.partitionsFor(topic, Duration.ofSeconds(30));
			if (infos == null || infos.isEmpty()) {
				throw new IllegalStateException("Topic " + topic + " does not exist");
			}
			infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Reads every topic on to its current end (committed records only). */
	public TopicArchive catchUp() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.consumer.assignment(), Duration.ofSeconds(30));
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (end.entrySet().stream().anyMatch((e) -> this.consumer.position(e.getKey()) < e.getValue())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The archive could not read the topics to their end in 120 s");
			}
			this.consumer.poll(Duration.ofMillis(200)).forEach(this::keep);
		}
		return this;
	}

	public Map<String, List<Received>> received() {
		return this.received;
	}

	public Map<String, List<Routed>> routed() {
		return this.routed;
	}

	public Map<String, List<DeliveryEvent>> deliveries() {
		return this.deliveries;
	}

	List<DeadLetter> deadLetters() {
		return this.deadLetters;
	}

	/** How many records carry the given ce_id on the topic. */
	int recordsWith(String topic, String ceId) {
		return this.ceIds.getOrDefault(topic + " " + ceId, 0);
	}

	/** Records that are not what their topic promises (not counted otherwise). */
	List<String> unreadable() {
		return this.unreadable;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

	private void keep(ConsumerRecord<byte[], byte[]> record) {
		String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
		if (DEAD_LETTERS.equals(record.topic())) {
			this.deadLetters.add(new DeadLetter(key, header(record, "x-valise-error")));
			return;
		}
		String ceId = header(record, "ce_id");
		String type = header(record, "ce_type");
		if (ceId != null) {
			this.ceIds.merge(record.topic() + " " + ceId, 1, Integer::sum);
		}
		try {
			switch (record.topic()) {
				case RECEIVED -> this.received.computeIfAbsent(key, (k) -> new ArrayList<>()).add(new Received(key, ceId));
				case ROUTED -> this.routed.computeIfAbsent(key, (k) -> new ArrayList<>()).add(routed(key, ceId, record));
				default -> this.deliveries.computeIfAbsent(key, (k) -> new ArrayList<>())
					.add(deliveryEvent(key, ceId, type, record));
			}
		}
		catch (RuntimeException ex) {
			this.unreadable.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + ex);
		}
	}

	private Routed routed(String key, String ceId, ConsumerRecord<byte[], byte[]> record) {
		JsonNode body = this.json.readTree(record.value());
		JsonNode destination = body.path("destination");
		List<Copy> copies = new ArrayList<>();
		body.path("copies")
			.forEach((copy) -> copies.add(new Copy(copy.path("office").path("id").asString(null),
					channels(copy.path("office")))));
		return new Routed(key, ceId, body.path("outcome").asString(null), body.path("registryNumber").asString(null),
				body.path("revision").asInt(1), body.path("duplicateOf").path("noteId").asString(null),
				destination.path("id").asString(null), channels(destination), List.copyOf(copies));
	}

	private static List<Channel> channels(JsonNode office) {
		List<Channel> channels = new ArrayList<>();
		office.path("channels")
			.forEach((channel) -> channels.add(new Channel(channel.path("type").asString(null),
					channel.path("address").asString(null))));
		return List.copyOf(channels);
	}

	private DeliveryEvent deliveryEvent(String key, String ceId, String type, ConsumerRecord<byte[], byte[]> record) {
		if (!DELIVERED.equals(type) && !DELIVERY_FAILED.equals(type)) {
			return new DeliveryEvent(key, ceId, type, null, null, null, null);
		}
		JsonNode body = this.json.readTree(record.value());
		return new DeliveryEvent(key, ceId, type, body.path("deliveryId").asString(null),
				body.path("office").path("id").asString(null), body.path("channel").asString(null),
				body.path("purpose").asString("NOTE"));
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
