package org.valise.platform.kafka;

import java.util.List;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The one health rule for Kafka Streams in every service ({@code kafkaStreams}, in the readiness group): UP while
 * running or rebalancing (processing goes on, queries wait a moment), OUT_OF_SERVICE while starting, DOWN only when
 * processing cannot continue (ERROR, or stopped).
 */
public final class KafkaStreamsHealthIndicator implements HealthIndicator {

	private final ObjectProvider<StreamsBuilderFactoryBean> factories;

	public KafkaStreamsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> factories) {
		this.factories = factories;
	}

	@Override
	public Health health() {
		Health.Builder overall = Health.up();
		int worst = 0;
		List<StreamsBuilderFactoryBean> all = this.factories.orderedStream().toList();
		if (all.isEmpty()) {
			return overall.outOfService().withDetail("state", "NO_TOPOLOGY").build();
		}
		for (StreamsBuilderFactoryBean factory : all) {
			KafkaStreams streams = factory.getKafkaStreams();
			String state = (streams != null) ? streams.state().name() : "NOT_STARTED";
			int rank = rank(streams);
			overall.withDetail((all.size() == 1) ? "state" : "state." + applicationId(factory), state);
			worst = Math.max(worst, rank);
		}
		return switch (worst) {
			case 0 -> overall.build();
			case 1 -> overall.outOfService().build();
			default -> overall.down().build();
		};
	}

	/** 0 processing, 1 starting, 2 cannot process. */
	private static int rank(KafkaStreams streams) {
		if (streams == null) {
			return 1;
		}
		return switch (streams.state()) {
			case RUNNING, REBALANCING -> 0;
			case CREATED -> 1;
			default -> 2;
		};
	}

	private static String applicationId(StreamsBuilderFactoryBean factory) {
		Object id = (factory.getStreamsConfiguration() != null)
				? factory.getStreamsConfiguration().get("application.id") : null;
		return String.valueOf(id);
	}

}
