package org.valise.notification.tracking;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.valise.notification.ValiseProperties;
import org.valise.notification.delivery.DeliveryDispatcher;
import org.valise.notification.directory.Directory;
import org.valise.notification.receipt.ReceiptDrafter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The tracking topology: the note topics and the internal commands topic (co-partitioned, keyed by note id, so one
 * task sees everything about a note, in order) feed {@link NoteTrackingProcessor}, which keeps four persistent,
 * changelogged stores — {@code note-tracking} (the views, read by the API), {@code delivery-outbox},
 * {@code escalation-deadlines} (index) and {@code note-routings} (the routing in force) — and writes events to
 * {@code notes.delivery.v1} and command results, all under exactly_once_v2.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class TrackingTopology {

	static final String STORE = "note-tracking";

	static final String OUTBOX = "delivery-outbox";

	static final String DEADLINES = "escalation-deadlines";

	static final String ROUTINGS = "note-routings";

	@Bean
	NewTopic notesReceivedTopic(ValiseProperties properties) {
		return topic(properties.topics().received(), properties);
	}

	@Bean
	NewTopic notesRoutedTopic(ValiseProperties properties) {
		return topic(properties.topics().routed(), properties);
	}

	@Bean
	NewTopic notesDeliveryTopic(ValiseProperties properties) {
		return topic(properties.topics().delivery(), properties);
	}

	@Bean
	ReceiptDrafter receiptDrafter(ValiseProperties properties) {
		ValiseProperties.Receipt receipt = properties.receipt();
		return new ReceiptDrafter(receipt.organisation(), receipt.place(), receipt.zone());
	}

	@Bean
	KStream<String, String> noteEvents(StreamsBuilder builder, ValiseProperties properties, JsonMapper json,
			Directory directory, DeliveryDispatcher dispatcher, ReceiptDrafter drafter, MeterRegistry meters) {
		ValiseProperties.Topics topics = properties.topics();
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
				jsonSerde(json, NoteTracking.class)));
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OUTBOX), Serdes.String(),
				jsonSerde(json, OutboxEntry.class)));
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINES), Serdes.String(),
				Serdes.String()));
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROUTINGS), Serdes.String(),
				Serdes.String()));
		KStream<String, String> events = builder.stream(
				List.of(topics.received(), topics.routed(), topics.commands()),
				Consumed.with(Serdes.String(), Serdes.String()).withName("note-events-and-commands"));
		events
			.process(() -> new NoteTrackingProcessor(json, properties, directory, dispatcher, drafter, meters),
					Named.as("track-note"), STORE, OUTBOX, DEADLINES, ROUTINGS)
			.to((key, output, context) -> output.topic(),
					Produced.with(Serdes.String(), outputSerde()).withName("delivery-events-and-results"));
		return events;
	}

	// Kafka Streams' client metrics (consumer lag, commit and process latencies) reach /actuator/prometheus through
	// Boot's KafkaMetricsAutoConfiguration, which adds a KafkaStreamsMicrometerListener to this factory bean: not added
	// again here (per-partition lag series appear after Micrometer's first refresh of the client's metrics, ~1 min).

	// With static membership (group.instance.id, application.yml) a closing instance also leaves the group, so its
	// partitions move at once (rolling deploys); a restarted one with the same id gets its partitions straight back.
	@Bean
	StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
		return (factory) -> factory.setLeaveGroupOnClose(true);
	}

	private static NewTopic topic(String name, ValiseProperties properties) {
		// Topics are the system of record: kept indefinitely (asyncapi.yaml).
		return TopicBuilder.name(name)
			.partitions(properties.topics().partitions())
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build();
	}

	private static <T> Serde<T> jsonSerde(JsonMapper json, Class<T> type) {
		Serializer<T> serializer = (topic, value) -> (value != null) ? json.writeValueAsBytes(value) : null;
		Deserializer<T> deserializer = (topic, bytes) -> (bytes != null) ? json.readValue(bytes, type) : null;
		return Serdes.serdeFrom(serializer, deserializer);
	}

	private static Serde<Output> outputSerde() {
		Serializer<Output> serializer = (topic, output) -> (output != null)
				? output.value().getBytes(StandardCharsets.UTF_8) : null;
		Deserializer<Output> deserializer = (topic, bytes) -> {
			throw new UnsupportedOperationException("outputs are only written");
		};
		return Serdes.serdeFrom(serializer, deserializer);
	}

}
