package org.valise.routing.registry;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;
import org.valise.routing.directory.Directory;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.registry.RegistrationProcessor.Registrar;
import org.valise.routing.routing.RoutingPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry topology: {@code notes.received.v1} → read (bad records skipped) → every note re-keyed to one key
 * and repartitioned into a one-partition topic (one total order: unique, gap-free, monotonic numbers) → register
 * and route → {@code notes.routed.v1}, keyed by note id. Runs with {@code exactly_once_v2}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class RegistryTopology {

	static final String RECEIVED_TOPIC = "notes.received.v1";

	static final String ROUTED_TOPIC = "notes.routed.v1";

	static final String COUNTERS_STORE = "registry-counters";

	/** The one key every note takes on its way to the registry desk. */
	static final String REGISTRY_KEY = "registry";

	/** Written by routing-service (its only writer). */
	@Bean
	NewTopic notesRoutedTopic() {
		return TopicBuilder.name(ROUTED_TOPIC).partitions(3).build();
	}

	/**
	 * Written by intake-service, which creates it too; declared here with the same shape so that routing-service
	 * also starts cleanly on a broker where intake has not run yet.
	 */
	@Bean
	NewTopic notesReceivedTopic() {
		return TopicBuilder.name(RECEIVED_TOPIC).partitions(3).build();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	RoutingPolicy routingPolicy(Directory directory) {
		return new RoutingPolicy(directory);
	}

	@Bean
	Registrar registrar(RoutingPolicy policy, RegistryProperties registry, AcknowledgementDeadlines deadlines,
			JsonMapper json, Clock clock, MeterRegistry meters,
			@Value("${spring.application.name:routing-service}") String applicationName) {
		return new Registrar(policy, registry, deadlines, new CloudEventHeaders("/valise/" + applicationName), json,
				clock, meters);
	}

	@Bean
	KStream<String, String> registryStream(StreamsBuilder builder, Registrar registrar) {
		Serde<NoteReceived> notes = new JacksonJsonSerde<NoteReceived>(NoteReceived.class, registrar.json())
			.noTypeInfo()
			.ignoreTypeHeaders();
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTERS_STORE),
				Serdes.String(), Serdes.Long()));
		KStream<String, String> routed = builder
			.stream(RECEIVED_TOPIC, Consumed.with(Serdes.String(), Serdes.String()).withName("notes-received"))
			.processValues(() -> new NoteReceivedReader(registrar.json()), Named.as("read-note-received"))
			.selectKey((noteId, note) -> REGISTRY_KEY, Named.as("to-registry-desk"))
			.repartition(Repartitioned.<String, NoteReceived>as("registry")
				.withKeySerde(Serdes.String())
				.withValueSerde(notes)
				.withNumberOfPartitions(1))
			.process(() -> new RegistrationProcessor(registrar), Named.as("register-and-route"), COUNTERS_STORE);
		routed.to(ROUTED_TOPIC, Produced.with(Serdes.String(), Serdes.String()).withName("notes-routed"));
		return routed;
	}

}
