package org.valise.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How every Valise topic is made ({@code valise.kafka}): the one record-size limit that every topic, producer and
 * the broker agree on (intake's note size is derived from it), partitions, replication and retention.
 *
 * @param maxRecordSize the largest record any topic takes ({@code max.message.bytes}); what a note may weigh follows
 * @param partitions partitions of the note topics (keyed by note id)
 * @param replicationFactor replicas of each topic; -1: the broker's default
 * @param retentionMs how long the event topics keep their records; -1: for ever (they are the archive)
 */
@Validated
@ConfigurationProperties("valise.kafka")
public record ValiseKafkaProperties(@DefaultValue("1MB") DataSize maxRecordSize, @DefaultValue("3") int partitions,
		@DefaultValue("-1") short replicationFactor, @DefaultValue("-1") long retentionMs) {

	public ValiseKafkaProperties {
		if (maxRecordSize.toBytes() < 64 * 1024) {
			throw new IllegalArgumentException("valise.kafka.max-record-size must be at least 64KB");
		}
		if (partitions < 1) {
			throw new IllegalArgumentException("valise.kafka.partitions must be at least 1");
		}
	}

	public int maxRecordBytes() {
		return (int) Math.min(Integer.MAX_VALUE, this.maxRecordSize.toBytes());
	}

}
