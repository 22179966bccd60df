package org.valise.notification.tracking;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.ValiseProperties;
import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.Commands;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.command.RetryDelivery;
import org.valise.notification.delivery.DeliveryDispatcher;
import org.valise.notification.directory.Directory;
import org.valise.notification.event.CloudEvents;
import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.event.ReceiptDrafted;
import org.valise.notification.receipt.ReceiptDraft;
import org.valise.notification.receipt.ReceiptDrafter;
import org.valise.notification.tracing.NoteTraces;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracking task: folds each note's events (dispatched on {@code ce_type}) into its view, decides the commands
 * (dispatched on {@code valise_command}: acknowledgements, delivery outcomes, retries) and, on wall-clock punctuations,
 * dispatches due deliveries and escalates due notes. Everything it changes and publishes commits in one Kafka
 * transaction per task. Unparseable or unknown records are logged (never their body) and skipped.
 */
class NoteTrackingProcessor implements Processor<String, String, String, Output> {

	private static final Logger log = LoggerFactory.getLogger(NoteTrackingProcessor.class);

	private final JsonMapper json;

	private final ValiseProperties properties;

	private final Directory directory;

	private final DeliveryDispatcher dispatcher;

	private final ReceiptDrafter drafter;

	private final MeterRegistry meters;

	private ProcessorContext<String, Output> context;

	private Trackings trackings;

	private KeyValueStore<String, String> routings;

	private Emitter emitter;

	private Deliveries deliveries;

	NoteTrackingProcessor(JsonMapper json, ValiseProperties properties, Directory directory,
			DeliveryDispatcher dispatcher, ReceiptDrafter drafter, MeterRegistry meters) {
		this.json = json;
		this.properties = properties;
		this.directory = directory;
		this.dispatcher = dispatcher;
		this.drafter = drafter;
		this.meters = meters;
	}

	@Override
	public void init(ProcessorContext<String, Output> context) {
		this.context = context;
		this.trackings = new Trackings(context.getStateStore(TrackingTopology.STORE),
				context.getStateStore(TrackingTopology.DEADLINES));
		this.routings = context.getStateStore(TrackingTopology.ROUTINGS);
		ValiseProperties.Topics topics = this.properties.topics();
		this.emitter = new Emitter(context, this.json, topics.delivery(), topics.commandResults());
		ValiseProperties.Delivery delivery = this.properties.delivery();
		this.deliveries = new Deliveries(context.getStateStore(TrackingTopology.OUTBOX), this.trackings, this.emitter,
				this.dispatcher, new RetryBackoff(delivery), delivery.attemptTimeout(), this.meters);
		Escalator escalator = new Escalator(this.trackings, this.routings, this.deliveries, this.emitter,
				this.directory, this.properties.escalation().step(), this.meters);
		context.schedule(delivery.dispatchInterval(), PunctuationType.WALL_CLOCK_TIME,
				(time) -> this.deliveries.dispatch(Instant.ofEpochMilli(time)));
		context.schedule(this.properties.escalation().scanInterval(), PunctuationType.WALL_CLOCK_TIME,
				(time) -> escalator.escalateDue(Instant.ofEpochMilli(time)));
	}

	@Override
	public void process(Record<String, String> record) {
		// Every line logged about the note meanwhile carries its trace id (from the record, else the one it came with).
		try (NoteTraces.Scope trace = NoteTraces.inScope(traceOf(record))) {
			track(record);
		}
	}

	private void track(Record<String, String> record) {
		String command = header(record, Commands.TYPE_HEADER);
		String type = header(record, CloudEvents.TYPE);
		if (record.value() == null || (command == null && type == null)) {
			log.warn("Skipped record without body, ce_type or command type at {}", where());
			return;
		}
		try {
			if (command != null) {
				command(command, record);
				return;
			}
			String ceId = header(record, CloudEvents.ID);
			String eventId = (ceId != null) ? ceId : where();
			Instant time = eventTime(record);
			switch (type) {
				case CloudEvents.NOTE_RECEIVED -> {
					NoteReceived event = this.json.readValue(record.value(), NoteReceived.class);
					String noteId = noteId(record.key(), event.noteId());
					NoteTracking before = this.trackings.get(noteId);
					NoteTracking after = orStart(before, noteId).received(eventId, or(event.receivedAt(), time), event,
							NoteTraces.traceIdOf(record.headers()));
					this.trackings.put(before, after);
				}
				case CloudEvents.NOTE_ROUTED -> routed(record, eventId, time);
				default -> log.debug("Ignored event of type {} at {}", type, where());
			}
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			// The exception's message may quote the body: log its type only.
			log.warn("Skipped unparseable {} record (key {}) at {}: {}", (command != null) ? command : type,
					record.key(), where(), ex.getClass().getSimpleName());
		}
	}

	private void routed(Record<String, String> record, String eventId, Instant time) {
		NoteRouted event = this.json.readValue(record.value(), NoteRouted.class);
		String noteId = noteId(record.key(), event.noteId());
		NoteTracking before = this.trackings.get(noteId);
		NoteTracking base = orStart(before, noteId);
		NoteTracking after = base.routed(eventId, or(event.routedAt(), time), event,
				NoteTraces.traceIdOf(record.headers()));
		if (after == base) {
			return;
		}
		if (!Objects.equals(after.routingEventId(), base.routingEventId())) {
			Instant now = now();
			this.routings.put(noteId, record.value());
			this.deliveries.cancelSuperseded(after);
			if (!event.duplicate() && event.destination() != null) {
				after = this.deliveries.schedule(after, NoteTracking.NOTE, 0, event.destination(),
						CloudEvents.NOTE_ROUTED, eventId, record.value(), record.value(), now);
			}
			if (!event.duplicate() && ReceiptDraft.ON_REGISTRATION.equals(this.properties.receipt().trigger())) {
				after = draftReceipt(after, or(event.registeredAt(), now));
			}
			log.info("Note {} ({}) is {} (revision {}) for {}: {} deliveries pending", noteId,
					after.registryNumber(), after.state(), after.revision(),
					(event.destination() != null) ? event.destination().id() : null,
					after.deliveries().stream().filter((d) -> d.status() == NoteTracking.DeliveryStatus.PENDING).count());
		}
		this.trackings.put(before, after);
	}

	private void command(String command, Record<String, String> record) {
		Header correlation = record.headers().lastHeader(Commands.CORRELATION_HEADER);
		byte[] correlationId = (correlation != null) ? correlation.value() : null;
		switch (command) {
			case Commands.ACKNOWLEDGE_NOTE -> acknowledge(this.json.readValue(record.value(), AcknowledgeNote.class),
					correlationId);
			case Commands.DELIVERY_ATTEMPTED ->
				this.deliveries.attempted(this.json.readValue(record.value(), DeliveryAttempted.class));
			case Commands.RETRY_DELIVERY -> this.emitter.reply(correlationId,
					this.deliveries.retry(this.json.readValue(record.value(), RetryDelivery.class), now()));
			default -> log.warn("Ignored unknown command {} at {}", command, where());
		}
	}

	/** Decides an acknowledgement against the note's current view: race-free, as one task owns the note. */
	private void acknowledge(AcknowledgeNote command, byte[] correlationId) {
		NoteTracking tracking = this.trackings.get(command.noteId().toString());
		if (tracking == null) {
			this.emitter.reply(correlationId, CommandResult.refused(command.commandId(), command.noteId(),
					CommandResult.NOT_FOUND, null, null, "No note " + command.noteId() + " is known"));
			return;
		}
		String deputy = (tracking.destination() != null)
				? this.directory.deputyOf(tracking.destination().id()).orElse(null) : null;
		NoteTracking.Refusal refusal = tracking.acknowledgementRefusal(command.office(), deputy, command.tokenId());
		if (refusal != null) {
			log.warn("Refused acknowledgement of note {} ({}) by office {}: {}", command.noteId(),
					tracking.registryNumber(), command.office(), refusal.detail());
			this.emitter.reply(correlationId, new CommandResult(command.commandId(), command.noteId(),
					refusal.outcome(), tracking.registryNumber(), String.valueOf(tracking.state()), refusal.detail(),
					command.office(), String.join(",", refusal.allowedOffices()), null, null, null, null));
			return;
		}
		Instant at = or(command.requestedAt(), now()).truncatedTo(ChronoUnit.MILLIS);
		Office office = officeOf(tracking, command.office(), at);
		NoteAcknowledged event = new NoteAcknowledged(command.noteId(), tracking.registryNumber(), office,
				command.acknowledgedBy(), at, command.comment());
		String eventId = CloudEvents.stableId("acknowledged", command.commandId());
		this.emitter.event(command.noteId(), CloudEvents.NOTE_ACKNOWLEDGED, eventId, at, event, tracking.traceId());
		NoteTracking after = tracking.acknowledged(eventId, event, command.via(), command.tokenId());
		if (after.receiptDraft() == null
				&& ReceiptDraft.ON_ACKNOWLEDGEMENT.equals(this.properties.receipt().trigger())) {
			after = draftReceipt(after, at);
		}
		this.trackings.put(tracking, after);
		this.emitter.reply(correlationId, new CommandResult(command.commandId(), command.noteId(),
				CommandResult.ACCEPTED, tracking.registryNumber(), String.valueOf(after.state()), null, office.id(),
				null, command.acknowledgedBy(), at, command.comment(), eventId));
		this.meters.counter("valise.notes.acknowledged", "office", office.id(), "via", command.via()).increment();
		Instant deliveredAt = NoteLatencies.deliveredAt(tracking);
		if (deliveredAt != null) {
			NoteLatencies.acknowledgement(this.meters, office.id()).record(NoteLatencies.between(deliveredAt, at));
		}
		log.info("Note {} ({}) acknowledged for {} by {} ({})", command.noteId(), tracking.registryNumber(),
				office.id(), command.acknowledgedBy(), command.via());
	}

	private Office officeOf(NoteTracking tracking, String id, Instant at) {
		if (tracking.destination() != null && tracking.destination().id().equalsIgnoreCase(id)) {
			return tracking.destination();
		}
		for (NoteTracking.Escalation escalation : tracking.currentEscalations()) {
			if (escalation.escalatedTo().id().equalsIgnoreCase(id)) {
				return escalation.escalatedTo();
			}
		}
		return this.directory.office(id, at.atZone(this.properties.receipt().zone()).toLocalDate())
			.orElse(new Office(id, id, null, null, List.of()));
	}

	private NoteTracking draftReceipt(NoteTracking tracking, Instant at) {
		if (tracking.receiptDraft() != null || tracking.registryNumber() == null) {
			return tracking;
		}
		ReceiptDraft draft = this.drafter.draft(tracking.note(), tracking.registryNumber(),
				at.truncatedTo(ChronoUnit.MILLIS), this.properties.receipt().trigger());
		if (draft == null) {
			return tracking;
		}
		ReceiptDrafted event = new ReceiptDrafted(tracking.noteId(), tracking.registryNumber(), draft.language(),
				draft.trigger(), draft.addressee(), draft.reference(), draft.noteDate(), draft.place(),
				draft.draftedOn(), draft.text(), draft.draftedAt());
		this.emitter.event(tracking.noteId(), CloudEvents.RECEIPT_DRAFTED,
				CloudEvents.stableId("receipt-drafted", tracking.noteId()), draft.draftedAt(), event,
				tracking.traceId());
		this.meters.counter("valise.receipts.drafted", "language", draft.language()).increment();
		log.info("Drafted the acknowledgement of receipt of note {} ({}) in {}", tracking.noteId(),
				tracking.registryNumber(), draft.language());
		return tracking.receiptDrafted(draft);
	}

	private Instant now() {
		return Instant.ofEpochMilli(this.context.currentSystemTimeMs());
	}

	private static NoteTracking orStart(NoteTracking tracking, String noteId) {
		return (tracking != null) ? tracking : NoteTracking.start(UUID.fromString(noteId));
	}

	private static String noteId(String key, UUID bodyNoteId) {
		if (key != null) {
			return UUID.fromString(key).toString();
		}
		if (bodyNoteId == null) {
			throw new IllegalArgumentException("record without note id");
		}
		return bodyNoteId.toString();
	}

	private String traceOf(Record<String, String> record) {
		String traceId = NoteTraces.traceIdOf(record.headers());
		if (traceId != null || record.key() == null) {
			return traceId;
		}
		NoteTracking known = this.trackings.get(record.key());
		return (known != null) ? known.traceId() : null;
	}

	private static String header(Record<String, String> record, String name) {
		return CloudEvents.header(record.headers(), name);
	}

	private Instant eventTime(Record<String, String> record) {
		String time = header(record, CloudEvents.TIME);
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
