package org.valise.routing.registry.streams;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.valise.routing.registry.CommandOutcome;
import org.valise.routing.registry.ReferenceEntry;
import org.valise.routing.registry.Registration;
import org.valise.routing.registry.TriageEntry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.serializer.JacksonJsonSerde;

/**
 * The registry desk's state stores, persistent and backed by changelog topics (so that any instance can take the
 * desk over and rebuild them): the yearly counters, the registered notes, the sender-and-reference index, the
 * triage desk and the outcomes of clerks' commands. All live in the one task of the registry topic. Every value is
 * bounded: a registration keeps a bounded history, an index entry a bounded list.
 */
final class RegistryStores {

	/** Year → last number taken. */
	static final String COUNTERS = "registry-counters";

	/** Note id → {@link Registration}. */
	static final String NOTES = "registry-notes";

	/** Folded sender|reference → {@link ReferenceEntry} (the notes registered under them). */
	static final String REFERENCES = "registry-references";

	/** Note id → {@link TriageEntry}, while the note is in triage. */
	static final String TRIAGE = "registry-triage";

	/** Command id → {@link CommandOutcome}. */
	static final String COMMANDS = "registry-commands";

	static final List<String> ALL = List.of(COUNTERS, NOTES, REFERENCES, TRIAGE, COMMANDS);

	private RegistryStores() {
	}

	static List<StoreBuilder<?>> builders(JsonMapper json) {
		return List.of(store(COUNTERS, Serdes.Long()), store(NOTES, serde(Registration.class, json)),
				store(REFERENCES, serde(ReferenceEntry.class, json)), store(TRIAGE, serde(TriageEntry.class, json)),
				store(COMMANDS, serde(CommandOutcome.class, json)));
	}

	/** The builder of the store of that name (one of {@link #ALL}), for the binder's store beans. */
	static StoreBuilder<?> builder(String name, JsonMapper json) {
		return builders(json).stream()
			.filter((builder) -> builder.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No store named " + name));
	}

	static <T> Serde<T> serde(Class<T> type, JsonMapper json) {
		return new JacksonJsonSerde<>(type, json).noTypeInfo().ignoreTypeHeaders();
	}

	private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
		return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
	}

}
