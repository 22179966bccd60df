package org.valise.intake.note;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.MessageDispatchingException;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import org.valise.intake.kafka.BrokerFailures;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.tracing.RecordTraces;

/**
 * Publishes {@link NoteReceived} through the output binding {@code noteReceived-out-0} (Spring Cloud Stream's Kafka
 * binder, destination {@code notes.received.v1}) as a CloudEvents 1.0 binary-mode record keyed by the note id, and
 * returns only once Kafka has acknowledged it: the binding's producer is synchronous, {@code acks=all} and idempotent.
 * The {@code ce_*} headers go to the binder as bytes, which its header mapper copies as they are (a String would be
 * written as a JSON string, quotes included); the event's id is derived from the note id, so the same note sent again
 * is the same event. The note's trace goes with it: {@code ce_traceid} written here, the W3C {@code traceparent} by the
 * binder's observed template.
 */
@Component
class NotePublisher {

	static final String EVENT_TYPE = "org.valise.note.received.v1";

	static final String SCHEMA = "note-received.v1.schema.json";

	private static final Logger logger = LoggerFactory.getLogger(NotePublisher.class);

	private final CloudEventHeaders cloudEvents = new CloudEventHeaders("intake-service");

	private final StreamBridge bridge;

	private final NoteReceivedBinding binding;

	private final RecordTraces traces;

	NotePublisher(StreamBridge bridge, NoteReceivedBinding binding, Tracer tracer) {
		this.bridge = bridge;
		this.binding = binding;
		this.traces = new RecordTraces(tracer, Propagator.NOOP);
	}

	/** Whether a note can be sent at all: the binding is bound (only once Kafka answered and the topics exist). */
	boolean ready() {
		return this.binding.bound();
	}

	/**
	 * Sends the event, as written, and waits for the broker's acknowledgement.
	 * @param event the event
	 * @param json its JSON, as checked against the size limit
	 * @throws PublicationFailedException when Kafka did not acknowledge it
	 */
	void publish(NoteReceived event, byte[] json) {
		String noteId = event.noteId().toString();
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(json).setHeader(KafkaHeaders.KEY, noteId);
		for (Header header : this.cloudEvents.headers(CloudEventHeaders.stableId(EVENT_TYPE, noteId), EVENT_TYPE,
				noteId, event.receivedAt(), SCHEMA, this.traces.currentTraceId())) {
			message.setHeader(header.key(), header.value());
		}
		try {
			this.bridge.send(NoteReceivedBinding.NAME, message.build());
		}
		catch (RuntimeException ex) {
			boolean unavailable = ex instanceof MessageDispatchingException || BrokerFailures.isUnavailability(ex);
			logger.warn("Kafka did not acknowledge note {}: {}", noteId, BrokerFailures.describe(ex));
			throw new PublicationFailedException(event.noteId(), ex, unavailable);
		}
		logger.info("Published NoteReceived for note {} (reference {})", noteId, event.note().reference());
	}

}
