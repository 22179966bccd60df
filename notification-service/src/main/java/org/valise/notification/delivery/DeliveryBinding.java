package org.valise.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.valise.notification.ValiseProperties;
import org.valise.platform.tracing.RecordTraces;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The sender as a Spring Cloud Stream Kafka binder function, {@code deliver}: batches of delivery jobs from
 * {@code notification.dispatches.v1} ({@code deliver-in-0}, group, concurrency and batch size in
 * {@code application.yml}), outcomes to {@code notification.commands.v1} (binding {@code outcomes}), all in the
 * binder's Kafka transactions ({@code transaction-id-prefix}, unique per instance).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryBinding {

	@Bean
	Consumer<Message<List<byte[]>>> deliver(DeliverySender sender) {
		return sender::deliver;
	}

	@Bean
	DeliverySender deliverySender(JsonMapper json, ValiseProperties properties, NoteMailer mailer,
			WebhookSender webhooks, AcknowledgementLinkSigner links, DeliveryOutcomes outcomes, OfficeLanes lanes,
			RecordTraces traces, MeterRegistry meters, Clock clock) {
		MailSends mails = new MailSends(new NoteMailComposer(properties.publicUrl()), mailer, lanes, json);
		// A batch waits for its slowest send at most this long: the webhook timeout, or SMTP's, with room to spare.
		Duration batchWait = properties.webhooks().requestTimeout().plus(properties.webhooks().connectTimeout())
			.plusSeconds(30);
		return new DeliverySender(json, mails, webhooks, links, outcomes, lanes, traces, meters, clock,
				properties.delivery().attemptTimeout(), batchWait);
	}

	@Bean
	OfficeLanes officeLanes(ValiseProperties properties, MeterRegistry meters) {
		return new OfficeLanes(properties.delivery().threadsPerOffice(), properties.delivery().mailThreads(), meters);
	}

	/**
	 * A batch whose transaction failed (Kafka unavailable: the outcomes could not be written, or the commit failed) is
	 * read again and made again, with backoff, for as long as it takes: jobs are never skipped.
	 */
	@Bean
	ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> deliverRetriesUntilKafkaIsBack() {
		return (container, destination, group) -> {
			ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
			backOff.setMaxInterval(30_000);
			container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
		};
	}

}
