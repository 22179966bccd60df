package org.valise.notification.tracking;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.event.CloudEvents;
import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Folds each event of a note, dispatched on its {@code ce_type} header, into the note's tracking view in the
 * {@code note-tracking} store. Unparseable or unknown records are logged (never their body) and skipped.
 */
class NoteTrackingProcessor implements Processor<String, String, Void, Void> {

	private static final Logger log = LoggerFactory.getLogger(NoteTrackingProcessor.class);

	private final JsonMapper json;

	private ProcessorContext<Void, Void> context;

	private KeyValueStore<String, NoteTracking> store;

	NoteTrackingProcessor(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.context = context;
		this.store = context.getStateStore(TrackingTopology.STORE);
	}

	@Override
	public void process(Record<String, String> record) {
		String type = CloudEvents.header(record.headers(), CloudEvents.TYPE);
		if (record.value() == null || type == null) {
			log.warn("Skipped record without body or ce_type at {}", where());
			return;
		}
		String ceId = CloudEvents.header(record.headers(), CloudEvents.ID);
		String eventId = (ceId != null) ? ceId : where();
		Instant time = eventTime(record);
		try {
			switch (type) {
				case CloudEvents.NOTE_RECEIVED -> {
					NoteReceived event = this.json.readValue(record.value(), NoteReceived.class);
					update(record.key(), event.noteId(),
							(tracking) -> tracking.received(eventId, or(event.receivedAt(), time), event));
				}
				case CloudEvents.NOTE_ROUTED -> {
					NoteRouted event = this.json.readValue(record.value(), NoteRouted.class);
					update(record.key(), event.noteId(),
							(tracking) -> tracking.routed(eventId, or(event.routedAt(), time), event));
				}
				case CloudEvents.NOTE_DELIVERED -> {
					NoteDelivered event = this.json.readValue(record.value(), NoteDelivered.class);
					update(record.key(), event.noteId(),
							(tracking) -> tracking.delivered(eventId, or(event.deliveredAt(), time), event));
				}
				case CloudEvents.NOTE_ACKNOWLEDGED -> {
					NoteAcknowledged event = this.json.readValue(record.value(), NoteAcknowledged.class);
					update(record.key(), event.noteId(),
							(tracking) -> tracking.acknowledged(eventId, or(event.acknowledgedAt(), time), event));
				}
				default -> log.debug("Ignored event of type {} at {}", type, where());
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// The exception's message may quote the body: log its type only.
			log.warn("Skipped unparseable {} record (key {}) at {}: {}", type, record.key(), where(),
					ex.getClass().getSimpleName());
		}
	}

	private void update(String key, UUID bodyNoteId, UnaryOperator<NoteTracking> change) {
		String noteId = (key != null) ? key : (bodyNoteId != null) ? bodyNoteId.toString() : null;
		if (noteId == null) {
			log.warn("Skipped record without note id at {}", where());
			return;
		}
		NoteTracking current = this.store.get(noteId);
		NoteTracking next = change.apply((current != null) ? current : NoteTracking.start(UUID.fromString(noteId)));
		if (next != current) {
			this.store.put(noteId, next);
			log.debug("Note {} ({}) is {}", noteId, next.registryNumber(), next.state());
		}
	}

	private Instant eventTime(Record<String, String> record) {
		String time = CloudEvents.header(record.headers(), CloudEvents.TIME);
		try {
			return (time != null) ? Instant.parse(time) : Instant.ofEpochMilli(record.timestamp());
		}
		catch (DateTimeParseException ex) {
			return Instant.ofEpochMilli(record.timestamp());
		}
	}

	private String where() {
		return this.context.recordMetadata()
			.map((metadata) -> metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset())
			.orElse("unknown position");
	}

	private static Instant or(Instant instant, Instant fallback) {
		return (instant != null) ? instant : fallback;
	}

}
