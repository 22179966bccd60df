package org.valise.platform.kafka;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka in every Valise service: {@link Topics}, and for the services that run Kafka Streams, a dying stream thread
 * replaced, leaving the group at once on close (static membership: another instance takes the partitions over in
 * seconds), and the {@code kafkaStreams} health.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(ValiseKafkaProperties.class)
public class ValiseKafkaAutoConfiguration {

	@Bean
	Topics topics(ValiseKafkaProperties kafka) {
		return new Topics(kafka);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaStreams.class)
	static class StreamsConfiguration {

		@Bean
		StreamsBuilderFactoryBeanConfigurer valiseStreamsResilience() {
			return (factory) -> {
				factory.setStreamsUncaughtExceptionHandler(new StreamsThreadReplacement());
				// Spring Cloud Stream's binder sets its own handler (shut the client down) on each factory just before
				// starting it; the customizer runs after that, on the KafkaStreams itself, so the replacement holds.
				factory.setKafkaStreamsCustomizer(
						(kafkaStreams) -> kafkaStreams.setUncaughtExceptionHandler(new StreamsThreadReplacement()));
				factory.setLeaveGroupOnClose(true);
			};
		}

		@Bean
		KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> factories) {
			return new KafkaStreamsHealthIndicator(factories);
		}

	}

}
