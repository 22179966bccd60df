package org.valise.platform.kafka;

import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of a Kafka Streams thread that died: replaced, unless another instance took its static membership.
 */
class StreamsThreadReplacementTests {

	private final StreamsThreadReplacement handler = new StreamsThreadReplacement();

	@Test
	void replacesAThreadThatDiedOfABug() {
		assertThat(this.handler.handle(new StreamsException(new IllegalStateException("a bug"))))
			.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
	}

	@Test
	void stopsTheClientWhenAnotherInstanceFencedItsGroupInstanceId() {
		assertThat(this.handler.handle(new StreamsException(new FencedInstanceIdException("fenced"))))
			.isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
	}

}
