package org.valise.intake.keys;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.valise.platform.kafka.Topics;

/**
 * The topic the Idempotency-Keys are remembered in, declared by intake, its one writer and reader.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

	/** Segments roll daily, so that expired keys leave the topic within a day of their retention. */
	static final long SEGMENT_MS = 24L * 60 * 60 * 1000;

	/**
	 * One partition, compacted (a mark replaces its claim, a withdrawn claim goes) and deleted past the retention
	 * ({@code cleanup.policy=compact,delete}): it holds about 300 bytes per keyed submission of the last retention.
	 */
	@Bean
	NewTopic idempotencyKeysTopic(Topics topics, IdempotencyProperties properties) {
		NewTopic topic = topics.compacted(properties.topic(), 1);
		Map<String, String> configs = new HashMap<>(topic.configs());
		configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
				TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);
		configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.retention().toMillis()));
		configs.put(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(SEGMENT_MS));
		return topic.configs(configs);
	}

}
