package org.valise.routing.directory.publishing;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.kafka.Topics;
import org.valise.routing.directory.DirectorySource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * routing-service owns the organisation directory and publishes it on {@code directory.v1}, a compacted topic of one
 * partition it declares (and is the only writer of), for the other services to keep a copy of.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryTopics.class)
class DirectoryPublishing {

	/** Written by routing-service alone: the offices of the directory in force, the last value per office kept. */
	@Bean
	NewTopic directoryTopic(Topics topics, DirectoryTopics names) {
		return topics.directory(names.directory());
	}

	@Bean
	DirectoryPublisher directoryPublisher(DirectorySource source, @Qualifier("directoryTopic") NewTopic topic,
			ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka, KafkaAdmin admin,
			MeterRegistry meters, @Value("${spring.application.name}") String application) {
		KafkaDirectoryTopic kafkaTopic = new KafkaDirectoryTopic(topic, consumers, kafka, admin,
				new CloudEventHeaders(application));
		return new DirectoryPublisher(source, kafkaTopic, meters, Duration.ofSeconds(1), Duration.ofMinutes(1));
	}

}
