package org.valise.routing.registry.streams;

import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.StoreBuilder;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.kafka.Topics;
import org.valise.platform.tracing.RecordTraces;
import org.valise.routing.directory.DirectorySource;
import org.valise.routing.registry.RegistryDesk;
import org.valise.routing.routing.RoutingPolicies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry as a Spring Cloud Stream Kafka Streams binder function, {@code registry}: its inputs
 * ({@code registry-in-0} received notes, {@code registry-in-1} clerks' commands) and outputs ({@code registry-out-0}
 * NoteRouted events, {@code registry-out-1} dead letters) are bound to their topics in {@code application.yml}, with
 * its application id, exactly-once v2 and the error handlers. The stores are beans the binder adds to the topology.
 * Routing-service declares the topics it writes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RegistryProperties.class, RegistryTopics.class, AcknowledgementDeadlines.class,
		RuleOrder.class, UnsureProperties.class })
class RegistryBinding {

	@Bean
	BiFunction<KStream<String, byte[]>, KStream<String, byte[]>, KStream<String, byte[]>[]> registry(
			RegistryTopology topology) {
		return topology::apply;
	}

	@Bean
	RegistryTopology registryTopology(RegistryDesk desk, JsonMapper json, RoutedHeaders headers, RecordTraces traces,
			MeterRegistry meters) {
		return new RegistryTopology(() -> new RegistryProcessor(desk, json, headers, traces, meters), json, traces);
	}

	@Bean
	RegistryDesk registryDesk(RoutingPolicies policies, RegistryProperties registry,
			AcknowledgementDeadlines deadlines) {
		return new RegistryDesk(policies::current, registry.settings(), deadlines);
	}

	@Bean
	RoutingPolicies routingPolicies(DirectorySource directories, RuleOrder order, UnsureProperties unsure) {
		return new RoutingPolicies(directories::current, order.rules(), unsure.unsureFields());
	}

	@Bean
	RoutedHeaders routedHeaders(@Value("${spring.application.name}") String application) {
		return new RoutedHeaders(new CloudEventHeaders(application));
	}

	@Bean
	RecordTraces recordTraces(Tracer tracer, Propagator propagator) {
		return new RecordTraces(tracer, propagator);
	}

	@Bean
	StoreBuilder<?> registryCounters(JsonMapper json) {
		return RegistryStores.builder(RegistryStores.COUNTERS, json);
	}

	@Bean
	StoreBuilder<?> registryNotes(JsonMapper json) {
		return RegistryStores.builder(RegistryStores.NOTES, json);
	}

	@Bean
	StoreBuilder<?> registryReferences(JsonMapper json) {
		return RegistryStores.builder(RegistryStores.REFERENCES, json);
	}

	@Bean
	StoreBuilder<?> registryTriage(JsonMapper json) {
		return RegistryStores.builder(RegistryStores.TRIAGE, json);
	}

	@Bean
	StoreBuilder<?> registryCommands(JsonMapper json) {
		return RegistryStores.builder(RegistryStores.COMMANDS, json);
	}

	/**
	 * Written by intake-service, read here: declared from the same definition (platform's {@link Topics}) so that
	 * routing may start before intake; an existing topic is only described.
	 */
	@Bean
	NewTopic notesReceivedTopic(Topics topics, RegistryTopics names) {
		return topics.archive(names.received());
	}

	/** Written by routing-service (its only writer): the routing decisions. */
	@Bean
	NewTopic notesRoutedTopic(Topics topics, RegistryTopics names) {
		return topics.archive(names.routed());
	}

	/** Written by routing-service: received records it could not take. */
	@Bean
	NewTopic notesReceivedDlqTopic(Topics topics, RegistryTopics names) {
		return topics.archive(names.receivedDlq());
	}

	/** Internal: written by routing-service's clerk API, read by its registry desk; the clerks' audit trail. */
	@Bean
	NewTopic routingCommandsTopic(Topics topics, RegistryTopics names) {
		return topics.archive(names.commands());
	}

}
