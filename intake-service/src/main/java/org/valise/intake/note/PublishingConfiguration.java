package org.valise.intake.note;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.config.ClientFactoryCustomizer;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.messaging.DirectWithAttributesChannel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.valise.intake.kafka.BrokerWatch;
import org.valise.intake.kafka.ProducerSettings;
import org.valise.platform.kafka.Topics;

/**
 * How {@link NoteReceived} leaves intake: the topic it is the one writer of, the output binding's channel
 * ({@code noteReceived-out-0}, bound by {@link NoteReceivedBinding}), and the check, logged once, that the binder's
 * producer only acknowledges what every in-sync replica has ({@code acks=all}, idempotent).
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PublishingConfiguration.class);

	/** The archive of accepted notes: kept {@code valise.kafka.retention-ms} (-1: for ever), never compacted. */
	@Bean
	NewTopic notesReceivedTopic(Topics topics, @Value("${valise.topics.received}") String name) {
		return topics.archive(name);
	}

	@Bean(NoteReceivedBinding.NAME)
	DirectWithAttributesChannel noteReceivedOutput() {
		return new DirectWithAttributesChannel();
	}

	@Bean
	NoteReceivedBinding noteReceivedBinding(BindingService bindings, KafkaAdmin admin,
			@Qualifier(NoteReceivedBinding.NAME) DirectWithAttributesChannel channel, BrokerWatch broker) {
		return new NoteReceivedBinding(bindings, admin, channel, broker);
	}

	/** Refuses a binder producer that could lose or duplicate an acknowledged note; logs its settings once. */
	@Bean
	ClientFactoryCustomizer durableNoteReceivedProducer(@Value("${valise.topics.received}") String topic) {
		AtomicBoolean logged = new AtomicBoolean();
		return new ClientFactoryCustomizer() {

			@Override
			public void configure(ProducerFactory<?, ?> factory) {
				ProducerSettings settings = ProducerSettings.of(factory.getConfigurationProperties())
					.requireDurable(topic);
				if (logged.compareAndSet(false, true)) {
					logger.info("NoteReceived is published to {} through {} by a producer with {}", topic,
							NoteReceivedBinding.NAME, settings);
				}
			}

		};
	}

}
