package org.valise.system.faults;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the Kafka clients' settings out of a service's log ({@link ClientSettings}).
 */
class ClientSettingsTests {

	private static final String LOG = String.join("\n",
			"2026-12-06T03:33:20.101Z  INFO 1 --- [routing-service] [main] o.a.k.clients.producer.ProducerConfig    : ProducerConfig values: ",
			"\tacks = -1", "\tclient.id = routing-service-p-StreamThread-1-producer", "\tenable.idempotence = true",
			"\ttransactional.id = routing-service-p-1", "",
			"2026-12-06T03:33:20.180Z  INFO 1 --- [routing-service] [main] o.a.k.clients.consumer.ConsumerConfig    : ConsumerConfig values: ",
			"\tclient.id = routing-service-p-StreamThread-1-consumer", "\tisolation.level = read_committed",
			"2026-12-06T03:33:20.190Z  INFO 1 --- [routing-service] [main] o.a.k.streams.StreamsConfig : StreamsConfig values: ",
			"\tprocessing.guarantee = exactly_once_v2");

	@Test
	void readsEveryBlockOfSettingsInOrder() {
		List<ClientSettings> blocks = ClientSettings.in("routing-service", LOG);

		assertThat(blocks).extracting(ClientSettings::kind)
			.containsExactly("ProducerConfig", "ConsumerConfig", "StreamsConfig");
		assertThat(blocks.get(0).get("transactional.id")).isEqualTo("routing-service-p-1");
		assertThat(blocks.get(0).get("acks")).isEqualTo("-1");
		assertThat(blocks.get(1).clientId()).isEqualTo("routing-service-p-StreamThread-1-consumer");
		assertThat(blocks.get(1).get("isolation.level")).isEqualTo("read_committed");
		assertThat(blocks.get(2).get("processing.guarantee")).isEqualTo("exactly_once_v2");
	}

	@Test
	void findsNothingInALogWithoutClients() {
		assertThat(ClientSettings.in("intake-service", "Started IntakeServiceApplication in 9.1 seconds")).isEmpty();
	}

}
