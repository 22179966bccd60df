package org.valise.notification.tracking.streams;

import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.OutboxEntry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.serializer.JacksonJsonSerde;

/**
 * The tracking desk's state stores, persistent and backed by changelog topics (so that any instance can take a
 * partition over and rebuild them). Every value is bounded: a state keeps bounded lists, an outbox entry refers to
 * what it delivers, a text or a routing is no larger than the record it came in.
 */
final class TrackingStores {

	/**
	 * Note id → {@link NoteTracking}, as JSON (the desk encodes a state once per change, sized for its changelog;
	 * read by the API through interactive queries, {@link #tracking}).
	 */
	static final String TRACKINGS = "note-tracking";

	/** Delivery id → {@link OutboxEntry}. */
	static final String OUTBOX = "delivery-outbox";

	/** {@code <epoch millis, 19 digits>|<delivery id>} → delivery id: the outbox entries by the time they are due. */
	static final String OUTBOX_DUE = "delivery-outbox-due";

	/** {@code <epoch millis, 19 digits>|<note id>} → note id: the notes by their next escalation. */
	static final String DEADLINES = "escalation-deadlines";

	/** Note id → the NoteRouted in force, as read (the e-mail is written from it; webhooks receive it). */
	static final String ROUTINGS = "note-routings";

	/** Note id → the note's text as intake received it (the e-mail carries it). */
	static final String TEXTS = "note-texts";

	/** Office id → the office as routing-service publishes it on directory.v1 (the binder's global table). */
	static final String DIRECTORY = "directory-offices";

	static final List<String> ALL = List.of(TRACKINGS, OUTBOX, OUTBOX_DUE, DEADLINES, ROUTINGS, TEXTS);

	private TrackingStores() {
	}

	static List<StoreBuilder<?>> builders(JsonMapper json) {
		return builders(json, Stores::persistentKeyValueStore);
	}

	/**
	 * The stores on the given kind of store ({@code Stores::persistentKeyValueStore} in the service; a benchmark of
	 * the desk alone may take {@code Stores::inMemoryKeyValueStore}).
	 */
	static List<StoreBuilder<?>> builders(JsonMapper json, Function<String, KeyValueBytesStoreSupplier> kind) {
		return List.of(store(kind, TRACKINGS, Serdes.ByteArray()), store(kind, OUTBOX, serde(OutboxEntry.class, json)),
				store(kind, OUTBOX_DUE, Serdes.String()), store(kind, DEADLINES, Serdes.String()),
				store(kind, ROUTINGS, Serdes.ByteArray()), store(kind, TEXTS, Serdes.String()));
	}

	/** The JSON of the stores: a field this version does not know (written by a later one) is ignored. */
	static JsonMapper storeMapper(JsonMapper json) {
		return json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/** The builder of the store of that name (one of {@link #ALL}), for the binder's store beans. */
	static StoreBuilder<?> builder(String name, JsonMapper json) {
		return builders(json).stream()
			.filter((builder) -> builder.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No store named " + name));
	}

	/** A state as the {@code note-tracking} store keeps it, read with the stores' mapper ({@link #storeMapper}). */
	static NoteTracking tracking(byte[] stored, JsonMapper storeMapper) {
		return (stored != null) ? storeMapper.readValue(stored, NoteTracking.class) : null;
	}

	static <T> Serde<T> serde(Class<T> type, JsonMapper json) {
		return new JacksonJsonSerde<>(type, storeMapper(json)).noTypeInfo().ignoreTypeHeaders();
	}

	private static <V> StoreBuilder<KeyValueStore<String, V>> store(Function<String, KeyValueBytesStoreSupplier> kind,
			String name, Serde<V> values) {
		return Stores.keyValueStoreBuilder(kind.apply(name), Serdes.String(), values);
	}

}
