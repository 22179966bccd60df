package org.valise.notification.event;

import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The producer of {@code notes.delivery.v1}: Boot's {@code spring.kafka.producer.*} settings (acks=all, idempotence)
 * with string serializers, which must be set here because the Kafka binder switches Boot's default serializers to
 * byte arrays for its own use.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryKafka {

	@Bean
	ProducerFactory<String, String> deliveryProducerFactory(KafkaProperties kafka) {
		return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
				new StringSerializer());
	}

	@Bean
	KafkaTemplate<String, String> deliveryKafkaTemplate(ProducerFactory<String, String> deliveryProducerFactory) {
		return new KafkaTemplate<>(deliveryProducerFactory);
	}

}
