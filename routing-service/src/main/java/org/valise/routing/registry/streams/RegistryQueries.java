package org.valise.routing.registry.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.valise.routing.registry.CommandOutcome;
import org.valise.routing.registry.DuplicateKey;
import org.valise.routing.registry.NoteHistory;
import org.valise.routing.registry.NoteRouted;
import org.valise.routing.registry.ReferenceEntry;
import org.valise.routing.registry.Registration;
import org.valise.routing.registry.TriageEntry;

import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads the registry desk's stores (interactive queries through the binder): a note's decisions, the notes in
 * triage, whether a sender's reference is registered, what became of a clerk's command. The stores live with the
 * desk's one task; on an instance that does not run it, {@link RegistryUnavailableException#owner()} names the one
 * that does (Kafka Streams' metadata, from each instance's {@code application.server}).
 */
@Component
public class RegistryQueries {

	private final InteractiveQueryService queries;

	RegistryQueries(InteractiveQueryService queries) {
		this.queries = queries;
	}

	/** The decisions on the note, oldest first. */
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

	/** The notes registered with that sender and reference, if any. */
	public Optional<ReferenceEntry> registeredAs(String sender, String reference) {
		Optional<String> key = DuplicateKey.of(sender, reference);
		return key.isEmpty() ? Optional.empty() : Optional.ofNullable(this.<ReferenceEntry>store(RegistryStores.REFERENCES)
			.get(key.get()));
	}

	/** What became of a command, once the desk has carried it out. */
	public Optional<CommandOutcome> outcome(String commandId) {
		return Optional.ofNullable(this.<CommandOutcome>store(RegistryStores.COMMANDS).get(commandId));
	}

	/** The other instance that runs the registry desk, when the stores are not here and Kafka Streams tells where. */
	public Optional<HostInfo> remoteOwner() {
		Optional<HostInfo> owner = owner();
		return owner.filter((host) -> !host.equals(this.queries.getCurrentHostInfo()));
	}

	private Optional<Registration> registration(String noteId) {
		return Optional.ofNullable(this.<Registration>store(RegistryStores.NOTES).get(noteId));
	}

	private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
		try {
			return this.queries.getQueryableStore(name, QueryableStoreTypes.<String, V>keyValueStore());
		}
		catch (IllegalStateException | InvalidStateStoreException ex) {
			throw new RegistryUnavailableException("the registry is starting or rebalancing, or runs elsewhere",
					owner().orElse(null));
		}
	}

	private Optional<HostInfo> owner() {
		try {
			KeyQueryMetadata metadata = this.queries.getKeyQueryMetadata(RegistryStores.NOTES,
					RegistryTopology.REGISTRY_KEY, Serdes.String().serializer());
			HostInfo active = (metadata == null) ? null : metadata.activeHost();
			return (active != null && active.port() > 0 && !KeyQueryMetadata.NOT_AVAILABLE.equals(metadata))
					? Optional.of(active) : Optional.empty();
		}
		catch (IllegalStateException ex) {
			return Optional.empty();
		}
	}

}
