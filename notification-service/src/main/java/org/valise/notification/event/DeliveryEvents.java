package org.valise.notification.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.valise.notification.ValiseProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes this service's facts to {@code notes.delivery.v1} (its only writer) as CloudEvents, synchronously: a
 * method returns only once the broker acknowledged the record (acks=all, idempotent producer).
 */
@Component
public class DeliveryEvents {

	/** How long to wait for the broker before reporting the fact as not recorded. */
	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final String topic;

	DeliveryEvents(KafkaTemplate<String, String> kafka, JsonMapper json, ValiseProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.topic = properties.topics().delivery();
	}

	/**
	 * Publishes a delivery under the given event id (stable for the same delivery, so a re-sent delivery is
	 * recognisable as the same event).
	 * @param event the delivery
	 * @param eventId the {@code ce_id}
	 * @param traceId the note's trace id, or null
	 */
	public void delivered(NoteDelivered event, String eventId, String traceId) {
		publish(CloudEvents.NOTE_DELIVERED, event.noteId(), event.deliveredAt(), eventId, traceId, event);
	}

	/**
	 * Publishes an acknowledgement as a new event.
	 * @param event the acknowledgement
	 * @return the event's {@code ce_id}
	 */
	public String acknowledged(NoteAcknowledged event) {
		String eventId = UUID.randomUUID().toString();
		publish(CloudEvents.NOTE_ACKNOWLEDGED, event.noteId(), event.acknowledgedAt(), eventId, null, event);
		return eventId;
	}

	private void publish(String type, UUID noteId, Instant time, String eventId, String traceId, Object body) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, noteId.toString(),
				this.json.writeValueAsString(body));
		Headers headers = record.headers();
		add(headers, CloudEvents.SPEC_VERSION, "1.0");
		add(headers, CloudEvents.ID, eventId);
		add(headers, CloudEvents.SOURCE, CloudEvents.THIS_SOURCE);
		add(headers, CloudEvents.TYPE, type);
		add(headers, CloudEvents.SUBJECT, noteId.toString());
		add(headers, CloudEvents.TIME, time.toString());
		add(headers, CloudEvents.CONTENT_TYPE, "application/json");
		if (traceId != null) {
			add(headers, CloudEvents.TRACE_ID, traceId);
		}
		try {
			this.kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventNotPublished("Interrupted while publishing " + type + " of note " + noteId, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new EventNotPublished("Kafka did not acknowledge " + type + " of note " + noteId, ex);
		}
	}

	private static void add(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
