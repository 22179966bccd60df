package org.valise.notification.command;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.valise.notification.ValiseProperties;
import org.valise.platform.kafka.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * The internal topics and the Kafka clients of the commands: an idempotent acks=all producer (Boot's
 * {@code spring.kafka.producer.*}, string serializers) and a request/reply template whose reply container reads every
 * partition of the results topic from its end, read_committed, so each instance sees the decisions on the commands
 * it sent only once the topology's transaction committed.
 */
@Configuration(proxyBeanMethods = false)
class CommandsKafka {

	/** Co-partitioned with the note topics (same key, same count): a note's commands reach the task holding it. */
	@Bean
	NewTopic notificationCommandsTopic(Topics topics, ValiseProperties properties) {
		return topics.internal(properties.topics().commands(), Duration.ofDays(7).toMillis());
	}

	@Bean
	NewTopic notificationCommandResultsTopic(Topics topics, ValiseProperties properties) {
		return topics.internal(properties.topics().commandResults(), Duration.ofDays(1).toMillis());
	}

	@Bean
	ProducerFactory<String, String> commandProducerFactory(KafkaProperties kafka) {
		return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
				new StringSerializer());
	}

	@Bean
	ReplyingKafkaTemplate<String, String, String> commandTemplate(ProducerFactory<String, String> commandProducerFactory,
			KafkaProperties kafka, ValiseProperties properties, Topics topics) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		// Partitions are assigned explicitly (every instance reads every reply); the group only holds no offsets.
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "notification-service-replies");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		String topic = properties.topics().commandResults();
		TopicPartitionOffset[] partitions = IntStream.range(0, topics.properties().partitions())
			.mapToObj((partition) -> new TopicPartitionOffset(topic, partition, TopicPartitionOffset.SeekPosition.END))
			.toArray(TopicPartitionOffset[]::new);
		ContainerProperties container = new ContainerProperties(partitions);
		container.setAckMode(ContainerProperties.AckMode.MANUAL);
		KafkaMessageListenerContainer<String, String> replies = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new StringDeserializer()),
				container);
		ReplyingKafkaTemplate<String, String, String> template = new ReplyingKafkaTemplate<>(commandProducerFactory,
				replies);
		template.setSharedReplyTopic(true);
		template.setBinaryCorrelation(false);
		template.setCorrelationHeaderName(Commands.CORRELATION_HEADER);
		template.setDefaultReplyTimeout(properties.acknowledgement().replyTimeout());
		// The caller's trace (traceparent) goes with the command to the tracking desk.
		template.setObservationEnabled(true);
		return template;
	}

}
