package org.valise.notification.tracking.streams;

import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.command.Commands;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.command.RetryDelivery;
import org.valise.notification.event.EventTypes;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.tracking.NoteId;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.platform.kafka.DeadLetters;
import org.valise.platform.kafka.RecordText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what reaches the tracking desk: note events ({@code ce_type} NoteReceived or NoteRouted) and commands
 * ({@code valise_command}). A record that is not UTF-8 JSON, does not read as what its headers say, has no note id
 * or a key that is not its note id goes to the dead-letter topic, in the same transaction, with headers naming the
 * error (never the body), and the next records flow on. Events of other types are skipped.
 */
final class TrackingReader implements FixedKeyProcessor<String, byte[], TrackingInput> {

	private static final Logger log = LoggerFactory.getLogger(TrackingReader.class);

	private final JsonMapper json;

	private FixedKeyProcessorContext<String, TrackingInput> context;

	TrackingReader(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, TrackingInput> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, byte[]> received) {
		FixedKeyRecord<String, byte[]> record = received.withHeaders(DeadLetters.withOrigin(received.headers(),
				this.context.recordMetadata()
					.map((m) -> new DeadLetters.Origin(m.topic(), m.partition(), m.offset(), received.timestamp()))
					.orElse(null)));
		String command = CloudEventHeaders.attribute(record.headers(), Commands.TYPE_HEADER);
		String type = CloudEventHeaders.attribute(record.headers(), CloudEventHeaders.TYPE);
		if (command == null && type == null) {
			refuse(record, "untyped-record", "the record has neither ce_type nor valise_command", null);
			return;
		}
		if (command == null && !EventTypes.READ.contains(type)) {
			return;
		}
		if (record.value() == null) {
			refuse(record, "empty-record", "the value is empty", null);
			return;
		}
		String text;
		try {
			text = RecordText.utf8(record.value());
		}
		catch (CharacterCodingException ex) {
			refuse(record, "not-utf8", "the value is not UTF-8 text", ex);
			return;
		}
		try {
			TrackingInput input = (command != null) ? command(command, text, record.headers()) : event(type, text, record);
			if (input == null) {
				refuse(record, "unknown-command", "no command is named " + command, null);
			}
			else if (record.key() != null && !record.key().equals(input.noteId().toString())) {
				refuse(record, "key-mismatch", "the record key is not its note id " + input.noteId(), null);
			}
			else {
				this.context.forward(record.withValue(input));
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			refuse(record, "unreadable-record", "the value does not read as " + ((command != null) ? command : type)
					+ " (" + ex.getClass().getSimpleName() + near(ex) + ")", ex);
		}
	}

	private TrackingInput event(String type, String text, FixedKeyRecord<String, byte[]> record) {
		String eventId = CloudEventHeaders.attribute(record.headers(), CloudEventHeaders.ID);
		if (eventId == null) {
			throw new IllegalArgumentException("no ce_id");
		}
		Instant time = time(record);
		if (EventTypes.NOTE_RECEIVED.equals(type)) {
			NoteReceived event = this.json.readValue(text, NoteReceived.class);
			return TrackingInput.received(noteId(event.noteId()), eventId, time, event);
		}
		NoteRouted event = this.json.readValue(text, NoteRouted.class);
		return TrackingInput.routed(noteId(event.noteId()), eventId, time, event, record.value());
	}

	private TrackingInput command(String command, String text, Headers headers) {
		Header correlation = headers.lastHeader(Commands.CORRELATION_HEADER);
		byte[] correlationId = (correlation != null) ? correlation.value() : null;
		switch (command) {
			case Commands.ACKNOWLEDGE_NOTE:
				AcknowledgeNote acknowledge = this.json.readValue(text, AcknowledgeNote.class);
				noteId(acknowledge.noteId());
				return TrackingInput.acknowledge(acknowledge, correlationId);
			case Commands.DELIVERY_ATTEMPTED:
				DeliveryAttempted attempted = this.json.readValue(text, DeliveryAttempted.class);
				noteId(attempted.noteId());
				return TrackingInput.attempted(attempted);
			case Commands.RETRY_DELIVERY:
				RetryDelivery retry = this.json.readValue(text, RetryDelivery.class);
				noteId(retry.noteId());
				return TrackingInput.retry(retry, correlationId);
			default:
				return null;
		}
	}

	private static NoteId noteId(UUID noteId) {
		if (noteId == null) {
			throw new IllegalArgumentException("no noteId");
		}
		return NoteId.of(noteId);
	}

	private static Instant time(FixedKeyRecord<String, byte[]> record) {
		String time = CloudEventHeaders.attribute(record.headers(), CloudEventHeaders.TIME);
		try {
			return (time != null) ? Instant.parse(time) : Instant.ofEpochMilli(record.timestamp());
		}
		catch (DateTimeParseException ex) {
			return Instant.ofEpochMilli(record.timestamp());
		}
	}

	private void refuse(FixedKeyRecord<String, byte[]> record, String error, String message, Throwable cause) {
		String position = this.context.recordMetadata()
			.map((m) -> m.topic() + "-" + m.partition() + "@" + m.offset())
			.orElse("?");
		log.warn("Dead-lettered record {} (key {}): {}", position, record.key(), message);
		DeadLetters.count(error);
		Headers headers = DeadLetters.headers(record.headers(), null, "reading", error, message, cause, 1,
				Instant.ofEpochMilli(this.context.currentSystemTimeMs()));
		this.context.forward(record.withValue(TrackingInput.refused(record.value())).withHeaders(headers));
	}

	/** Where in the document, as " at line L, column C" (the location only, never the content). */
	private static String near(Exception ex) {
		if (!(ex instanceof JacksonException)) {
			return "";
		}
		JacksonException jackson = (JacksonException) ex;
		return (jackson.getLocation() == null || jackson.getLocation().getLineNr() < 1) ? ""
				: " at line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr();
	}

}
