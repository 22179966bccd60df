package org.valise.platform.kafka;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Streams thread that dies of an exception no handler took (a bug, a store that cannot be opened) is replaced
 * by a new one, which resumes from the last committed transaction; counted
 * ({@code valise_streams_threads_replaced_total}) and logged. One exception is not replaced: another instance joined
 * with the same {@code group.instance.id} (static membership) and fenced this one — replacing the thread would fence
 * the other in turn, for ever; this instance stops its Kafka Streams client instead (health DOWN) and says which
 * setting to change.
 */
public final class StreamsThreadReplacement implements StreamsUncaughtExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(StreamsThreadReplacement.class);

	@Override
	public StreamThreadExceptionResponse handle(Throwable exception) {
		if (fencedInstance(exception)) {
			log.error("Another instance joined the consumer group with this instance's group.instance.id and fenced it: "
					+ "give each instance its own VALISE_INSTANCE_ID; this instance stops processing ({})",
					DeadLetters.describe(exception));
			Metrics.counter("valise.streams.instance.fenced").increment();
			return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		}
		log.error("A Kafka Streams thread died ({}); replacing it", DeadLetters.describe(exception), exception);
		Metrics.counter("valise.streams.threads.replaced").increment();
		return StreamThreadExceptionResponse.REPLACE_THREAD;
	}

	private static boolean fencedInstance(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof FencedInstanceIdException) {
				return true;
			}
		}
		return false;
	}

}
