package org.valise.routing.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the registry desk's stores (interactive queries): a note's decisions, the notes in triage, whether a
 * sender's reference is registered, what became of a clerk's command. The stores live with the desk's one task; on
 * an instance that does not run it, {@link RegistryUnavailableException#owner()} names the one that does.
 */
@Component
public class RegistryQueries {

	private final StreamsBuilderFactoryBean streams;

	RegistryQueries(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	/** Every decision on the note, oldest first. */
	public Optional<NoteHistory> history(String noteId) {
		return registration(noteId).map(Registration::toHistory);
	}

	/** The decision in force on the note. */
	public Optional<NoteRouted> inForce(String noteId) {
		return registration(noteId).map(Registration::current);
	}

	/** The notes in triage, in registration order. */
	public List<TriageEntry> triage() {
		List<TriageEntry> entries = new ArrayList<>();
		try (KeyValueIterator<String, TriageEntry> all = this.<TriageEntry>store(RegistryStores.TRIAGE).all()) {
			all.forEachRemaining(entry -> entries.add(entry.value));
		}
		entries.sort(Comparator.comparing(TriageEntry::registeredAt).thenComparing(TriageEntry::registryNumber));
		return entries;
	}

	/** The registered note with that sender and reference, if any. */
	public Optional<DuplicateOf> registeredAs(String sender, String reference) {
		return DuplicateKey.of(sender, reference)
			.map(key -> this.<DuplicateOf>store(RegistryStores.REFERENCES).get(key));
	}

	/** What became of a command, once the desk has carried it out. */
	public Optional<CommandOutcome> outcome(String commandId) {
		return Optional.ofNullable(this.<CommandOutcome>store(RegistryStores.COMMANDS).get(commandId));
	}

	/**
	 * The other instance that runs the registry desk, when the stores are not here and {@code application.server}
	 * tells where they are.
	 */
	public Optional<HostInfo> remoteOwner() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return Optional.empty();
		}
		try {
			kafkaStreams.store(StoreQueryParameters.fromNameAndType(RegistryStores.NOTES,
					QueryableStoreTypes.<String, Registration>keyValueStore()));
			return Optional.empty();
		}
		catch (InvalidStateStoreException ex) {
			return owner(kafkaStreams, RegistryStores.NOTES);
		}
	}

	private Optional<Registration> registration(String noteId) {
		return Optional.ofNullable(this.<Registration>store(RegistryStores.NOTES).get(noteId));
	}

	private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new RegistryUnavailableException("the registry is not started", null);
		}
		try {
			return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
		}
		catch (InvalidStateStoreException ex) {
			throw new RegistryUnavailableException("the registry is starting or rebalancing (" + kafkaStreams.state()
					+ ")", owner(kafkaStreams, name).orElse(null));
		}
	}

	/** The other instance that runs the desk, when {@code application.server} tells. */
	private Optional<HostInfo> owner(KafkaStreams kafkaStreams, String store) {
		Object self = this.streams.getStreamsConfiguration() == null ? null
				: this.streams.getStreamsConfiguration().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
		if (self == null || self.toString().isBlank()) {
			return Optional.empty();
		}
		try {
			KeyQueryMetadata metadata = kafkaStreams.queryMetadataForKey(store, RegistryTopology.REGISTRY_KEY,
					Serdes.String().serializer());
			HostInfo active = metadata == null ? null : metadata.activeHost();
			boolean known = active != null && active.port() > 0 && !KeyQueryMetadata.NOT_AVAILABLE.equals(metadata);
			return known && !self.toString().equals(active.host() + ":" + active.port()) ? Optional.of(active)
					: Optional.empty();
		}
		catch (IllegalStateException ex) {
			return Optional.empty();
		}
	}

}
