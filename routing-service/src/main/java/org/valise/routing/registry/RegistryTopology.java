package org.valise.routing.registry;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.valise.routing.directory.DirectorySource;
import org.valise.routing.registry.NoteReceivedReader.Admission;
import org.valise.routing.registry.RegistrationProcessor.Registrar;
import org.valise.routing.routing.RoutingPolicies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry topology: {@code notes.received.v1} → read (a record that is not a valid NoteReceived goes to
 * {@code notes.received.v1.dlq}) → merged with clerks' commands from {@code routing.commands.v1} → every input
 * re-keyed to one key and repartitioned into a one-partition topic (one total order: unique, gap-free, monotonic
 * numbers; duplicates and manual decisions decided in that order) → the registry desk → {@code notes.routed.v1},
 * keyed by note id (or the dead-letter topic). Runs with {@code exactly_once_v2}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class RegistryTopology {

	/** The one key every input takes on its way to the registry desk. */
	static final String REGISTRY_KEY = "registry";

	/** Written by routing-service (its only writer). */
	@Bean
	NewTopic notesRoutedTopic(RegistryTopics topics) {
		return archive(topics.routed(), topics.retentionMs());
	}

	/**
	 * Written by intake-service, which creates it too; declared here with the same shape so that routing-service
	 * also starts cleanly on a broker where intake has not run yet.
	 */
	@Bean
	NewTopic notesReceivedTopic(RegistryTopics topics) {
		return archive(topics.received(), topics.retentionMs());
	}

	/** Written by routing-service: received records it could not take. */
	@Bean
	NewTopic notesReceivedDlqTopic(RegistryTopics topics) {
		return archive(topics.receivedDlq(), topics.retentionMs());
	}

	/** Internal: written by routing-service's clerk API, read by its registry desk; the clerks' audit trail. */
	@Bean
	NewTopic routingCommandsTopic(RegistryTopics topics) {
		return archive(topics.commands(), topics.retentionMs());
	}

	/**
	 * A topic of record: 3 partitions, kept {@code retention.ms} (-1: for ever), never compacted (every event is
	 * kept, not only the last per key). Applied to existing topics too ({@code spring.kafka.admin.modify-topic-configs}).
	 */
	private static NewTopic archive(String name, long retentionMs) {
		return TopicBuilder.name(name)
			.partitions(3)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs))
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
			.build();
	}

	/** On close, leave the group at once (static membership), so that another instance takes the desk over. */
	@Bean
	StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
		return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	RoutingPolicies routingPolicies(DirectorySource directories, RuleOrder order) {
		return new RoutingPolicies(directories::current, order.rules());
	}

	@Bean
	CloudEventHeaders cloudEventHeaders(@Value("${spring.application.name:routing-service}") String applicationName) {
		return new CloudEventHeaders("/valise/" + applicationName);
	}

	@Bean
	Registrar registrar(RoutingPolicies policies, RegistryProperties registry, AcknowledgementDeadlines deadlines,
			CloudEventHeaders headers, JsonMapper json, Clock clock, MeterRegistry meters, Tracer tracer,
			Propagator propagator) {
		return new Registrar(policies, registry, deadlines, headers, json, clock, meters,
				new NoteTraces(tracer, propagator));
	}

	@Bean
	KStream<String, Outgoing> registryStream(StreamsBuilder builder, Registrar registrar, RegistryTopics topics) {
		return build(builder, registrar, topics);
	}

	/** Adds the registry to a topology (also used by tests to run several instances side by side). */
	static KStream<String, Outgoing> build(StreamsBuilder builder, Registrar registrar, RegistryTopics topics) {
		RegistryStores.builders(registrar.json()).forEach(builder::addStateStore);
		KStream<String, DeskInput> notes = builder
			.stream(topics.received(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("notes-received"))
			.processValues(() -> new NoteReceivedReader(registrar.json(), registrar.clock(), registrar.meters(),
					registrar.traces()),
					Named.as("read-note-received"))
			.split(Named.as("admission-"))
			.branch((noteId, admission) -> admission.rejected(),
					Branched.withConsumer(rejected -> rejected.mapValues(Admission::deadLetter, Named.as("rejected-value"))
						.to(topics.receivedDlq(),
								Produced.with(Serdes.String(), Serdes.ByteArray()).withName("notes-received-dlq"))))
			.defaultBranch(Branched.as("admitted"))
			.get("admission-admitted")
			.mapValues(admission -> DeskInput.of(admission.note()), Named.as("note-to-desk"));
		KStream<String, DeskInput> commands = builder
			.stream(topics.commands(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("routing-commands"))
			.mapValues(new RoutingCommandReader(registrar.json()), Named.as("read-routing-command"))
			.filter((noteId, command) -> command != null, Named.as("readable-commands"));
		KStream<String, Outgoing> desk = notes.merge(commands, Named.as("notes-and-commands"))
			.selectKey((noteId, input) -> REGISTRY_KEY, Named.as("to-registry-desk"))
			.repartition(Repartitioned.<String, DeskInput>as("registry")
				.withKeySerde(Serdes.String())
				.withValueSerde(DeskInput.serde(registrar.json()))
				.withNumberOfPartitions(1))
			.process(() -> new RegistrationProcessor(registrar), Named.as("register-and-route"),
					RegistryStores.ALL.toArray(String[]::new));
		desk.filter((noteId, out) -> !out.deadLetter(), Named.as("routed"))
			.mapValues(Outgoing::value, Named.as("routed-value"))
			.to(topics.routed(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("notes-routed"));
		desk.filter((noteId, out) -> out.deadLetter(), Named.as("dead-lettered"))
			.mapValues(Outgoing::value, Named.as("dead-lettered-value"))
			.to(topics.receivedDlq(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("notes-received-dlq-desk"));
		return desk;
	}

}
