package org.valise.intake;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.parsing.NoteParser;

/**
 * The intake's collaborators: the parser (pure, stateless), the size limit of a note, and the topic it is the only
 * writer of.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeLimits.class)
class IntakeConfiguration {

	@Bean
	NoteParser noteParser() {
		return new NoteParser();
	}

	/**
	 * The archive of accepted notes: kept as long as {@code valise.topics.retention-ms} says (-1: for ever), never
	 * compacted. Applied to an existing topic too ({@code spring.kafka.admin.modify-topic-configs}).
	 */
	@Bean
	NewTopic notesReceivedTopic(@Value("${valise.topics.received}") String name,
			@Value("${valise.topics.partitions}") int partitions, @Value("${valise.topics.retention-ms}") long retention) {
		return TopicBuilder.name(name)
			.partitions(partitions)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention))
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
			.build();
	}

}
