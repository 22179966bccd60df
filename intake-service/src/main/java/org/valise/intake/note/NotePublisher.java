package org.valise.intake.note;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link NoteReceived} to {@code notes.received.v1} as a CloudEvents 1.0 binary-mode record keyed by
 * the note id, and returns only once Kafka has acknowledged it ({@code acks=all}, idempotent producer). The record
 * carries the note's trace: {@code ce_traceid} (CloudEvents distributed-tracing extension) written here, the W3C
 * {@code traceparent} by the observed {@link KafkaTemplate} ({@code spring.kafka.template.observation-enabled}).
 */
@Component
class NotePublisher {

	static final String EVENT_TYPE = "org.valise.note.received.v1";

	static final String SOURCE = "/valise/intake-service";

	static final String TRACE_ID = "ce_traceid";

	/** Longer than the producer's own delivery timeout, so the producer always answers first. */
	private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(15);

	private static final Logger logger = LoggerFactory.getLogger(NotePublisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper jsonMapper;

	private final String topic;

	private final Tracer tracer;

	NotePublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper jsonMapper,
			@Value("${valise.topics.received}") String topic, Tracer tracer) {
		this.kafka = kafka;
		this.jsonMapper = jsonMapper;
		this.topic = topic;
		this.tracer = tracer;
	}

	/**
	 * Sends the event and waits for the broker's acknowledgement.
	 * @throws PublicationFailedException when Kafka did not acknowledge it
	 */
	void publish(NoteReceived event) {
		String noteId = event.noteId().toString();
		List<Header> headers = new ArrayList<>(List.of(header("ce_specversion", "1.0"),
				header("ce_id", UUID.randomUUID().toString()), header("ce_source", SOURCE), header("ce_type", EVENT_TYPE),
				header("ce_subject", noteId), header("ce_time", event.receivedAt().toString()),
				header("content-type", "application/json")));
		String traceId = currentTraceId();
		if (traceId != null) {
			headers.add(header(TRACE_ID, traceId));
		}
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, null, noteId,
				this.jsonMapper.writeValueAsBytes(event), headers);
		try {
			this.kafka.send(record).get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublicationFailedException(event.noteId(), ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.warn("Kafka did not acknowledge note {}: {}", noteId, rootMessage(ex));
			throw new PublicationFailedException(event.noteId(), ex);
		}
		logger.info("Published NoteReceived for note {} (reference {})", noteId, event.note().reference());
	}

	/** The trace id of the request being served, or {@code null} when there is no (sampled) trace. */
	private String currentTraceId() {
		Span span = this.tracer.currentSpan();
		String traceId = (span != null) ? span.context().traceId() : null;
		return (traceId == null || traceId.isBlank() || traceId.chars().allMatch(c -> c == '0')) ? null : traceId;
	}

	private static Header header(String key, String value) {
		return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
