package org.valise.routing.registry;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Health of the registry topology ({@code kafkaStreams}, in the readiness group): up while running or rebalancing. */
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
			return Health.down().withDetail("state", "NOT_STARTED").build();
		}
		KafkaStreams.State state = kafkaStreams.state();
		Health.Builder health = state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED ? Health.up()
				: Health.down();
		return health.withDetail("state", state.name()).build();
	}

}
