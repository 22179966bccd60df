package org.valise.notification.tracking.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.valise.notification.directory.DirectoryOffice;
import org.valise.notification.directory.OfficeDirectory;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.OutboxChange;
import org.valise.notification.tracking.OutboxEntry;
import org.valise.notification.tracking.TrackingView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desk's view of its task's stores, and the writes of its decisions: each state stored with its deadline index
 * entry moved, each outbox change with its due index entry moved, so that the punctuators read only what is due.
 * Within one input ({@link #begin()} to the next), a note's state and an outbox entry are decoded from their store once,
 * however many steps of the desk, the report and the index moves read them; a state is encoded once, by the caller
 * that sized it ({@link TrackingOutputs#fit}). The stores stay the only truth: the memo is dropped at every input, so
 * a task closed and revived (an aborted transaction) reads them again.
 */
final class StoreView implements TrackingView {

	private final KeyValueStore<String, byte[]> trackings;

	private final KeyValueStore<String, OutboxEntry> outbox;

	private final KeyValueStore<String, String> outboxDue;

	private final KeyValueStore<String, String> deadlines;

	private final KeyValueStore<String, ValueAndTimestamp<byte[]>> directory;

	private final JsonMapper json;

	private final Map<String, NoteTracking> readTrackings = new HashMap<>();

	private final Map<String, OutboxEntry> readOutbox = new HashMap<>();

	StoreView(ProcessingContext context, JsonMapper json) {
		this.trackings = context.getStateStore(TrackingStores.TRACKINGS);
		this.outbox = context.getStateStore(TrackingStores.OUTBOX);
		this.outboxDue = context.getStateStore(TrackingStores.OUTBOX_DUE);
		this.deadlines = context.getStateStore(TrackingStores.DEADLINES);
		this.directory = context.getStateStore(TrackingStores.DIRECTORY);
		this.json = json;
	}

	/** A new input or punctuation: what was decoded for the last one is read again from the stores. */
	void begin() {
		this.readTrackings.clear();
		this.readOutbox.clear();
	}

	@Override
	public NoteTracking tracking(NoteId noteId) {
		return tracking(noteId.toString());
	}

	private NoteTracking tracking(String noteId) {
		return remembered(this.readTrackings, noteId,
				(id) -> TrackingStores.tracking(this.trackings.get(id), this.json));
	}

	@Override
	public OutboxEntry outbox(String deliveryId) {
		return remembered(this.readOutbox, deliveryId, this.outbox::get);
	}

	/** What this input read of a key already, or reads it now (an absent key is remembered as null too). */
	private static <V> V remembered(Map<String, V> read, String key, Function<String, V> store) {
		if (!read.containsKey(key)) {
			read.put(key, store.apply(key));
		}
		return read.get(key);
	}

	@Override
	public OfficeDirectory directory() {
		return new OfficeDirectory(this::office);
	}

	/**
	 * Stores a note's state, as encoded by the caller, and moves its entry in the deadline index if its next
	 * escalation moved.
	 */
	void put(TrackingOutputs.Stored after) {
		String noteId = after.tracking().noteId().toString();
		NoteTracking before = tracking(noteId);
		this.trackings.put(noteId, after.json());
		this.readTrackings.put(noteId, after.tracking());
		move(this.deadlines, (before != null) ? before.nextEscalationAt() : null, after.tracking().nextEscalationAt(),
				noteId);
	}

	/** Applies an outbox change and moves its entry in the due index. */
	void apply(OutboxChange change) {
		OutboxEntry before = outbox(change.deliveryId());
		if (change.entry() == null) {
			this.outbox.delete(change.deliveryId());
		}
		else {
			this.outbox.put(change.deliveryId(), change.entry());
		}
		this.readOutbox.put(change.deliveryId(), change.entry());
		move(this.outboxDue, (before != null) ? before.dueAt() : null,
				(change.entry() != null) ? change.entry().dueAt() : null, change.deliveryId());
	}

	/** The deliveries due at {@code now}, earliest first, at most {@code max}. */
	List<String> dueDeliveries(Instant now, int max) {
		return due(this.outboxDue, now, max, (id) -> {
			OutboxEntry entry = outbox(id);
			return (entry != null) ? entry.dueAt() : null;
		});
	}

	/** The notes whose next escalation is due at {@code now}, earliest first, at most {@code max}. */
	List<NoteId> dueEscalations(Instant now, int max) {
		return due(this.deadlines, now, max, (id) -> {
			NoteTracking tracking = tracking(id);
			return (tracking != null && tracking.state() != null && !tracking.state().settled())
					? tracking.nextEscalationAt() : null;
		}).stream().map(NoteId::of).toList();
	}

	private DirectoryOffice office(String id) {
		ValueAndTimestamp<byte[]> value = this.directory.get(id);
		if (value == null || value.value() == null) {
			return null;
		}
		try {
			return this.json.readValue(value.value(), DirectoryOffice.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The ids an index holds as due at {@code now}; an entry that no longer matches what it indexes (the time it was
	 * filed under is not the one its entry has now) is dropped instead.
	 */
	private static List<String> due(KeyValueStore<String, String> index, Instant now, int max,
			Function<String, Instant> dueAt) {
		List<String> due = new ArrayList<>();
		List<String> stale = new ArrayList<>();
		try (KeyValueIterator<String, String> entries = index.range(key(Instant.EPOCH, ""), key(now, "~"))) {
			while (entries.hasNext() && due.size() < max) {
				KeyValue<String, String> entry = entries.next();
				Instant at = dueAt.apply(entry.value);
				boolean current = at != null && key(at, entry.value).equals(entry.key);
				(current ? due : stale).add(current ? entry.value : entry.key);
			}
		}
		stale.forEach(index::delete);
		return due;
	}

	private static void move(KeyValueStore<String, String> index, Instant was, Instant is, String id) {
		if (Objects.equals(was, is)) {
			return;
		}
		if (was != null) {
			index.delete(key(was, id));
		}
		if (is != null) {
			index.put(key(is, id), id);
		}
	}

	private static String key(Instant at, String id) {
		return String.format("%019d|%s", Math.max(0, at.toEpochMilli()), id);
	}

}
