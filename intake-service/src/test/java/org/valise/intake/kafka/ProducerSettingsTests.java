package org.valise.intake.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The settings a producer runs with, as Kafka reads them, and the refusal of one that could lose or duplicate a note.
 */
class ProducerSettingsTests {

	private static final Map<String, Object> INTAKE = Map.of("bootstrap.servers", "127.0.0.1:9092", "acks", "all",
			"enable.idempotence", "true", "max.request.size", "1048576", "max.block.ms", "2000", "request.timeout.ms",
			"3000", "delivery.timeout.ms", "4000", "linger.ms", "0");

	@Test
	void readsTheSettingsAsKafkaDoes() {
		ProducerSettings settings = ProducerSettings.of(INTAKE);

		assertThat(settings.acks()).isIn("all", "-1");
		assertThat(settings.idempotence()).isTrue();
		assertThat(settings.maxRequestSize()).isEqualTo(1_048_576);
		assertThat(settings.deliveryTimeoutMs()).isEqualTo(4000);
		assertThat(settings.longestSendMs()).isEqualTo(6000);
		assertThat(settings.requireDurable("notes.received.v1")).isSameAs(settings);
		assertThat(settings.toString()).contains("enable.idempotence=true", "max.request.size=1048576",
				"delivery.timeout.ms=4000");
	}

	@Test
	void takesKafkasDefaultsForWhatIsNotSet() {
		ProducerSettings settings = ProducerSettings.of(Map.of("bootstrap.servers", "127.0.0.1:9092"));

		assertThat(settings.deliveryTimeoutMs()).isEqualTo(120_000);
		assertThat(settings.maxBlockMs()).isEqualTo(60_000);
		assertThat(settings.idempotence()).isTrue();
	}

	@Test
	void refusesAProducerThatAcknowledgesBeforeEveryReplicaHasTheRecord() {
		ProducerSettings leader = ProducerSettings.of(Map.of("bootstrap.servers", "127.0.0.1:9092", "acks", "1"));

		assertThat(leader.idempotence()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> leader.requireDurable("notes.received.v1"))
			.withMessageContaining("acks=all")
			.withMessageContaining("notes.received.v1");
	}

	@Test
	void refusesAProducerWhoseRetriesCouldDuplicateANote() {
		ProducerSettings duplicating = ProducerSettings
			.of(Map.of("bootstrap.servers", "127.0.0.1:9092", "acks", "all", "enable.idempotence", "false"));

		assertThatIllegalStateException().isThrownBy(() -> duplicating.requireDurable("notes.received.v1"))
			.withMessageContaining("enable.idempotence=false");
	}

}
