package org.valise.platform.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares a service's topics the same way everywhere, from {@link ValiseKafkaProperties}: each topic is declared by
 * its one writer (and by nobody else), with its partitions, replicas, record-size limit and retention, and set again
 * on an existing topic at every start ({@code spring.kafka.admin.modify-topic-configs}).
 */
public final class Topics {

	private final ValiseKafkaProperties kafka;

	public Topics(ValiseKafkaProperties kafka) {
		this.kafka = kafka;
	}

	/** A topic of record: keyed by note id, kept {@code retention-ms} (-1: for ever), never compacted. */
	public NewTopic archive(String name) {
		return base(name, this.kafka.partitions()).config(TopicConfig.RETENTION_MS_CONFIG,
				String.valueOf(this.kafka.retentionMs()))
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
			.build();
	}

	/** A compacted topic: the last value per key is kept for ever (e.g. the directory). */
	public NewTopic compacted(String name, int partitions) {
		return base(name, partitions).config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

	/**
	 * The organisation directory's topic (one partition, compacted, keyed by office id): written by routing-service,
	 * read by notification-service as a global table; both declare it, from here, so that either may start first.
	 */
	public NewTopic directory(String name) {
		return compacted(name, 1);
	}

	/** An internal topic kept for a while ({@code retentionMs}), keyed by note id like the note topics. */
	public NewTopic internal(String name, long retentionMs) {
		return base(name, this.kafka.partitions()).config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs))
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
			.build();
	}

	public ValiseKafkaProperties properties() {
		return this.kafka;
	}

	private TopicBuilder base(String name, int partitions) {
		TopicBuilder topic = TopicBuilder.name(name)
			.partitions(partitions)
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(this.kafka.maxRecordBytes()));
		return (this.kafka.replicationFactor() > 0) ? topic.replicas(this.kafka.replicationFactor()) : topic;
	}

}
