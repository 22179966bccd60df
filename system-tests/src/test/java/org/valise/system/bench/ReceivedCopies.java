package org.valise.system.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * New {@code NoteReceived} records made from ones intake wrote: each copy gets a new note id (key, body and any header
 * that carried the old one), a new {@code ce_id}, a new idempotency key and a reference of its own, so that the
 * registry takes it for a new, distinct note. What routing and notification are fed without HTTP and parsing, and
 * what the plain pipeline carries.
 */
final class ReceivedCopies {

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<ConsumerRecord<String, byte[]>> samples;

	private final AtomicLong sequence = new AtomicLong();

	ReceivedCopies(List<ConsumerRecord<String, byte[]>> samples) {
		if (samples.isEmpty()) {
			throw new IllegalStateException("No NoteReceived record was seen to copy");
		}
		this.samples = List.copyOf(samples);
	}

	/** A new distinct note, for the topic. */
	ProducerRecord<String, byte[]> next(String topic) {
		long n = this.sequence.incrementAndGet();
		ConsumerRecord<String, byte[]> sample = this.samples.get((int) (n % this.samples.size()));
		String noteId = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, noteId, copy(sample.value(), noteId, n));
		for (Header header : sample.headers()) {
			String value = new String(header.value(), StandardCharsets.UTF_8);
			if ("ce_id".equals(header.key())) {
				value = UUID.randomUUID().toString();
			}
			else if (value.equals(sample.key())) {
				value = noteId;
			}
			copy.headers().add(header.key(), value.getBytes(StandardCharsets.UTF_8));
		}
		return copy;
	}

	byte[] copy(byte[] body, String noteId, long n) {
		ObjectNode received = (ObjectNode) this.json.readTree(body);
		received.put("noteId", noteId);
		if (received.has("idempotencyKey")) {
			received.put("idempotencyKey", "bench-copy-" + noteId);
		}
		JsonNode note = received.get("note");
		if (note instanceof ObjectNode fields && fields.path("reference").isString()) {
			fields.put("reference", fields.path("reference").asString() + " B" + n);
		}
		return this.json.writeValueAsBytes(received);
	}

}
