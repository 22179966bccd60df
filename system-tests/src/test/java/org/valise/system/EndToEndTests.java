package org.valise.system;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The reference note's flow over the embedded KRaft broker (a real Kafka broker in the test's JVM).
 */
class EndToEndTests extends ReferenceNoteFlowScenario {

	private EmbeddedKafkaKraftBroker broker;

	@Override
	String startBroker() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 3);
		// A single broker: the internal topics the services' transactions and groups need get one replica.
		this.broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
				"group.initial.rebalance.delay.ms", "0"));
		this.broker.afterPropertiesSet();
		return this.broker.getBrokersAsString();
	}

	@Override
	void stopBroker() {
		if (this.broker != null) {
			this.broker.destroy();
		}
	}

}
