package org.valise.routing.registry;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.routing.note.NoteReceived;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each {@code notes.received.v1} value as a {@link NoteReceived}; a record that is not JSON, lacks a UUID
 * {@code noteId} or lacks its {@code note} is logged (position and reason, never the body) and skipped, so that
 * one bad record never stops the registry.
 */
final class NoteReceivedReader implements FixedKeyProcessor<String, String, NoteReceived> {

	private static final Logger log = LoggerFactory.getLogger(NoteReceivedReader.class);

	private final JsonMapper json;

	private FixedKeyProcessorContext<String, NoteReceived> context;

	NoteReceivedReader(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, NoteReceived> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, String> record) {
		NoteReceived received;
		try {
			received = record.value() == null ? null : this.json.readValue(record.value(), NoteReceived.class);
		}
		catch (JacksonException ex) {
			skip(record, "its value is not a NoteReceived JSON document (" + ex.getClass().getSimpleName() + ")");
			return;
		}
		if (received == null) {
			skip(record, "its value is empty");
		}
		else if (!isUuid(received.noteId())) {
			skip(record, "it has no noteId (a UUID)");
		}
		else if (received.note() == null) {
			skip(record, "note " + received.noteId() + " has no note fields");
		}
		else {
			if (received.receivedAt() == null) {
				received = new NoteReceived(received.noteId(), Instant.ofEpochMilli(record.timestamp()),
						received.format(), received.fileName(), received.idempotencyKey(), received.submittedBy(),
						received.note(), received.text());
			}
			this.context.forward(record.withValue(received));
		}
	}

	private void skip(FixedKeyRecord<String, String> record, String reason) {
		String position = this.context.recordMetadata()
			.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
			.orElse("?");
		log.warn("Skipped record {} (key {}) of notes.received.v1: {}", position, record.key(), reason);
	}

	private static boolean isUuid(String value) {
		if (value == null) {
			return false;
		}
		try {
			return UUID.fromString(value).toString().equalsIgnoreCase(value);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
