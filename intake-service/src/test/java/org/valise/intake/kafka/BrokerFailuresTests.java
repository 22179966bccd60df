package org.valise.intake.kafka;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;
import org.springframework.messaging.MessageHandlingException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are the broker's (they close the gate) and which the record's (they do not).
 */
class BrokerFailuresTests {

	@Test
	void blamesTheBrokerForTimeoutsAndLostConnectionsHoweverDeeplyWrapped() {
		Throwable expired = new MessageHandlingException(null, new KafkaException("Send failed",
				new ExecutionException(new TimeoutException("Expiring 1 record(s) for notes.received.v1-0"))));

		assertThat(BrokerFailures.isUnavailability(expired)).isTrue();
		assertThat(BrokerFailures.isUnavailability(new NetworkException("Disconnected"))).isTrue();
		assertThat(BrokerFailures.isUnavailability(new NotEnoughReplicasException("1 of 3"))).isTrue();
		assertThat(BrokerFailures.isUnavailability(new java.util.concurrent.TimeoutException())).isTrue();
	}

	@Test
	void blamesTheRecordForWhatRetryingWouldNotMend() {
		assertThat(BrokerFailures.isUnavailability(new KafkaException("Send failed",
				new RecordTooLargeException("The message is 2000000 bytes")))).isFalse();
		assertThat(BrokerFailures.isUnavailability(new SerializationException("bad"))).isFalse();
		assertThat(BrokerFailures.isUnavailability(new TopicAuthorizationException("denied"))).isFalse();
		assertThat(BrokerFailures.isUnavailability(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void describesTheInnermostCause() {
		assertThat(BrokerFailures.describe(new KafkaException("Send failed", new TimeoutException("Expiring"))))
			.isEqualTo("TimeoutException: Expiring");
	}

}
