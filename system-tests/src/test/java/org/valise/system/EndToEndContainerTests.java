package org.valise.system;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same flow against Apache Kafka in a container, where a Docker engine exists; skipped (not failed)
 * where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndContainerTests extends ReferenceNoteFlowScenario {

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

	@Override
	RunningSystem system() throws Exception {
		// the container's lifecycle is Testcontainers': the system leaves the broker alone
		return RunningSystem.over(kafka.getBootstrapServers(), null);
	}

	@Override
	void release(RunningSystem system) throws Exception {
		system.close();
	}

}
