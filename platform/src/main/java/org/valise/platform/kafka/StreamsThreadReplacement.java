package org.valise.platform.kafka;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Streams thread that dies of an exception no handler took (a bug, a store that cannot be opened) is replaced
 * by a new one, which resumes from the last committed transaction; counted
 * ({@code valise_streams_threads_replaced_total}) and logged.
 */
public final class StreamsThreadReplacement implements StreamsUncaughtExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(StreamsThreadReplacement.class);

	@Override
	public StreamThreadExceptionResponse handle(Throwable exception) {
		log.error("A Kafka Streams thread died ({}); replacing it", DeadLetters.describe(exception), exception);
		Metrics.counter("valise.streams.threads.replaced").increment();
		return StreamThreadExceptionResponse.REPLACE_THREAD;
	}

}
