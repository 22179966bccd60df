package org.valise.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One reader of {@code notes.received.v1} for every test class of the shared broker context, closed with it.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReceivedNotesConfiguration {

	@Bean(destroyMethod = "close")
	ReceivedNotes receivedNotes(@Value("${spring.embedded.kafka.brokers}") String brokers) {
		return new ReceivedNotes(brokers);
	}

}
