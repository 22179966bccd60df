package org.valise.notification.tracking.streams;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.StoreBuilder;
import org.valise.notification.ValiseProperties;
import org.valise.notification.receipt.ReceiptDrafter;
import org.valise.notification.tracking.AcknowledgementDesk;
import org.valise.notification.tracking.DeliveryPlanner;
import org.valise.notification.tracking.EscalationPlanner;
import org.valise.notification.tracking.ReceiptPolicy;
import org.valise.notification.tracking.RetryBackoff;
import org.valise.notification.tracking.TrackingDesk;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.kafka.Topics;
import org.valise.platform.tracing.RecordTraces;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking desk as a Spring Cloud Stream Kafka Streams binder function, {@code track}: its input
 * ({@code track-in-0}: the note topics and the commands topic), the directory's global table ({@code track-in-1}) and
 * its outputs ({@code track-out-0} events, {@code -1} command results, {@code -2} delivery jobs, {@code -3} dead
 * letters) are bound to their topics in {@code application.yml}, with its application id, exactly-once v2 and the
 * error handlers. The stores are beans the binder adds to the topology. notification-service declares the topics it
 * writes.
 */
@Configuration(proxyBeanMethods = false)
class TrackingBinding {

	@Bean
	Function<KStream<String, byte[]>, Function<GlobalKTable<String, byte[]>, KStream<String, byte[]>[]>> track(
			TrackingTopology topology) {
		return (records) -> (directory) -> topology.apply(records, directory);
	}

	@Bean
	TrackingTopology trackingTopology(TrackingDesk desk, TrackingOutputs outputs, RecordTraces traces,
			MeterRegistry meters, ValiseProperties properties, JsonMapper json) {
		Duration dueInterval = properties.delivery().dispatchInterval();
		Duration escalationInterval = properties.escalation().scanInterval();
		DeskReport report = new DeskReport(meters);
		return new TrackingTopology(
				() -> new TrackingProcessor(desk, outputs, traces, report, dueInterval, escalationInterval), json);
	}

	@Bean
	TrackingOutputs trackingOutputs(JsonMapper json, RecordTraces traces, Topics topics,
			@Value("${spring.application.name}") String application) {
		return new TrackingOutputs(json, new CloudEventHeaders(application), traces,
				topics.properties().maxRecordBytes());
	}

	@Bean
	TrackingDesk trackingDesk(ValiseProperties properties) {
		ValiseProperties.Delivery delivery = properties.delivery();
		ValiseProperties.Receipt receipt = properties.receipt();
		RetryBackoff backoff = new RetryBackoff(delivery.initialBackoff(), delivery.multiplier(),
				delivery.maxBackoff(), delivery.jitter(), delivery.maxAttempts());
		DeliveryPlanner deliveries = new DeliveryPlanner(backoff, delivery.attemptTimeout(), delivery.textWait(),
				() -> ThreadLocalRandom.current().nextDouble());
		ReceiptPolicy receipts = new ReceiptPolicy(
				new ReceiptDrafter(receipt.organisation(), receipt.place(), receipt.zone()), receipt.trigger());
		return new TrackingDesk(deliveries,
				new EscalationPlanner(properties.escalation().step(), receipt.zone(), deliveries),
				new AcknowledgementDesk(receipt.zone(), receipts), receipts);
	}

	@Bean
	RecordTraces recordTraces(Tracer tracer, Propagator propagator) {
		return new RecordTraces(tracer, propagator);
	}

	@Bean
	StoreBuilder<?> noteTrackingStore(JsonMapper json) {
		return TrackingStores.builder(TrackingStores.TRACKINGS, json);
	}

	@Bean
	StoreBuilder<?> deliveryOutboxStore(JsonMapper json) {
		return TrackingStores.builder(TrackingStores.OUTBOX, json);
	}

	@Bean
	StoreBuilder<?> deliveryOutboxDueStore(JsonMapper json) {
		return TrackingStores.builder(TrackingStores.OUTBOX_DUE, json);
	}

	@Bean
	StoreBuilder<?> escalationDeadlinesStore(JsonMapper json) {
		return TrackingStores.builder(TrackingStores.DEADLINES, json);
	}

	@Bean
	StoreBuilder<?> noteRoutingsStore(JsonMapper json) {
		return TrackingStores.builder(TrackingStores.ROUTINGS, json);
	}

	@Bean
	StoreBuilder<?> noteTextsStore(JsonMapper json) {
		return TrackingStores.builder(TrackingStores.TEXTS, json);
	}

	/**
	 * Written by intake-service and routing-service, read here: declared from the same definitions (platform's
	 * {@link Topics}), so that this service may start first and the note topics are co-partitioned whoever creates
	 * them; an existing topic is only described.
	 */
	@Bean
	NewTopic notesReceivedTopic(Topics topics, ValiseProperties properties) {
		return topics.archive(properties.topics().received());
	}

	@Bean
	NewTopic notesRoutedTopic(Topics topics, ValiseProperties properties) {
		return topics.archive(properties.topics().routed());
	}

	/** Written by notification-service (its only writer): deliveries, acknowledgements, escalations, receipts. */
	@Bean
	NewTopic notesDeliveryTopic(Topics topics, ValiseProperties properties) {
		return topics.archive(properties.topics().delivery());
	}

	/** Written by notification-service: records its tracking topology could not take. */
	@Bean
	NewTopic notificationDeadLettersTopic(Topics topics, ValiseProperties properties) {
		return topics.archive(properties.topics().deadLetters());
	}

	/**
	 * The directory routing-service publishes (its writer): declared here too, from the one definition, so that the
	 * desk's global table finds it even when this service starts first.
	 */
	@Bean
	NewTopic directoryTopic(Topics topics, ValiseProperties properties) {
		return topics.directory(properties.topics().directory());
	}

	/** Internal: the delivery jobs, from the tracking topology to the sender (kept a week). */
	@Bean
	NewTopic notificationDispatchesTopic(Topics topics, ValiseProperties properties) {
		return topics.internal(properties.topics().dispatches(), Duration.ofDays(7).toMillis());
	}

}
