package org.valise.notification.tracking;

import java.util.List;

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
import org.apache.kafka.streams.state.Stores;
import org.valise.notification.ValiseProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * The tracking topology: the three note topics (co-partitioned, keyed by note id, so one task sees all events of a
 * note) read as strings, each record folded by {@link NoteTrackingProcessor} into the persistent, changelogged
 * {@code note-tracking} store, which the API reads through interactive queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class TrackingTopology {

	static final String STORE = "note-tracking";

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
	KStream<String, String> noteEvents(StreamsBuilder builder, ValiseProperties properties, JsonMapper json) {
		ValiseProperties.Topics topics = properties.topics();
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
				trackingSerde(json)));
		KStream<String, String> events = builder.stream(
				List.of(topics.received(), topics.routed(), topics.delivery()),
				Consumed.with(Serdes.String(), Serdes.String()).withName("note-events"));
		events.process(() -> new NoteTrackingProcessor(json), Named.as("track-note"), STORE);
		return events;
	}

	// Single instance for now. With several instances, each holds the store's partitions it is assigned: set
	// application.server (host:port of this instance) and, when getKafkaStreamsApplicationHostInfo(STORE, key, ...)
	// names another host, forward the GET there instead of answering 404.
	@Bean
	KafkaStreamsInteractiveQueryService interactiveQueries(StreamsBuilderFactoryBean streams) {
		KafkaStreamsInteractiveQueryService queries = new KafkaStreamsInteractiveQueryService(streams);
		queries.setRetryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0))); // NoteTrackings retries
		return queries;
	}

	private static NewTopic topic(String name, ValiseProperties properties) {
		// Topics are the system of record: kept indefinitely (asyncapi.yaml).
		return TopicBuilder.name(name)
			.partitions(properties.topics().partitions())
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build();
	}

	private static Serde<NoteTracking> trackingSerde(JsonMapper json) {
		Serializer<NoteTracking> serializer = (topic, tracking) -> (tracking != null)
				? json.writeValueAsBytes(tracking) : null;
		Deserializer<NoteTracking> deserializer = (topic, bytes) -> (bytes != null)
				? json.readValue(bytes, NoteTracking.class) : null;
		return Serdes.serdeFrom(serializer, deserializer);
	}

}
