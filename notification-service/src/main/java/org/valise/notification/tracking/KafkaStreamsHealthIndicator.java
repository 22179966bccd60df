package org.valise.notification.tracking;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health of the tracking topology ({@code kafkaStreams}, part of the readiness group): up only while Kafka Streams
 * is RUNNING, since the tracking view cannot be queried otherwise.
 */
@Component
class KafkaStreamsHealthIndicator implements HealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public Health health() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return Health.outOfService().withDetail("state", "NOT_STARTED").build();
		}
		KafkaStreams.State state = kafkaStreams.state();
		Health.Builder health = switch (state) {
			case RUNNING -> Health.up();
			case ERROR, NOT_RUNNING, PENDING_ERROR, PENDING_SHUTDOWN -> Health.down();
			default -> Health.outOfService();
		};
		return health.withDetail("state", state.name()).build();
	}

}
