package org.valise.notification.tracking.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.web.Unavailable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.core.retry.RetryException;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the notes' states from the {@code note-tracking} store through Kafka Streams interactive queries (the
 * binder's {@link InteractiveQueryService}): one note, or every note this instance holds.
 */
@Component
public class TrackingQueries {

	// The store refuses queries while its stream thread is not RUNNING (e.g. just after a rebalance): wait up to ~2 s.
	private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
		.includes(InvalidStateStoreException.class, IllegalStateException.class)
		.maxRetries(10)
		.delay(Duration.ofMillis(200))
		.multiplier(1)
		.build());

	private final InteractiveQueryService queries;

	private final ObjectProvider<StreamsBuilderFactoryBean> streams;

	private final JsonMapper json;

	/** @param streams the binder's factory of the tracking topology (registered once the function is bound) */
	TrackingQueries(InteractiveQueryService queries, ObjectProvider<StreamsBuilderFactoryBean> streams,
			JsonMapper json) {
		this.queries = queries;
		this.streams = streams;
		this.json = TrackingStores.storeMapper(json);
	}

	/**
	 * The state of a note, empty when no fact of it has been seen.
	 * @throws TrackingUnavailable while the store cannot be queried (starting, rebalancing)
	 */
	public Optional<NoteTracking> find(NoteId noteId) {
		return Optional.ofNullable(TrackingStores.tracking(query(() -> store().get(noteId.toString())), this.json));
	}

	/**
	 * Every note's state this instance holds (a full scan of the store: for searches and overviews, not per note).
	 * @throws TrackingUnavailable while the store cannot be queried (starting, rebalancing)
	 */
	public List<NoteTracking> all() {
		return query(() -> {
			List<NoteTracking> found = new ArrayList<>();
			try (KeyValueIterator<String, byte[]> all = store().all()) {
				all.forEachRemaining((entry) -> {
					if (entry.value != null) {
						found.add(TrackingStores.tracking(entry.value, this.json));
					}
				});
			}
			return found;
		});
	}

	/**
	 * The ids of the offices of the directory as routing-service published it (this instance's copy of the global
	 * table).
	 * @throws TrackingUnavailable while the store cannot be queried (starting)
	 */
	public List<String> directoryOffices() {
		return query(() -> {
			List<String> ids = new ArrayList<>();
			ReadOnlyKeyValueStore<String, byte[]> offices = this.queries.getQueryableStore(TrackingStores.DIRECTORY,
					QueryableStoreTypes.keyValueStore());
			try (KeyValueIterator<String, byte[]> all = offices.all()) {
				all.forEachRemaining((entry) -> {
					if (entry.value != null) {
						ids.add(entry.key);
					}
				});
			}
			return ids;
		});
	}

	/**
	 * The other instance that holds the note's state (Kafka Streams' metadata, from each instance's
	 * {@code application.server}), or empty when it is this one.
	 * @throws TrackingUnavailable while no instance holds it (a rebalance)
	 */
	public Optional<HostInfo> remoteOwner(NoteId noteId) {
		HostInfo self = this.queries.getCurrentHostInfo();
		HostInfo owner;
		try {
			KeyQueryMetadata metadata = running().queryMetadataForKey(TrackingStores.TRACKINGS, noteId.toString(),
					new StringSerializer());
			owner = (metadata != null) ? metadata.activeHost() : null;
		}
		catch (RuntimeException ex) {
			throw new TrackingUnavailable(ex);
		}
		if (owner == null || self == null || owner.equals(self)) {
			return Optional.empty();
		}
		if (owner.port() < 0) {
			throw new TrackingUnavailable(new IllegalStateException("the note's partition has no active instance"));
		}
		return Optional.of(owner);
	}

	/** The other instances that hold part of the notes' states (a search or an overview asks each of them). */
	public List<HostInfo> peers() {
		HostInfo self = this.queries.getCurrentHostInfo();
		try {
			return running().streamsMetadataForStore(TrackingStores.TRACKINGS)
				.stream()
				.map(StreamsMetadata::hostInfo)
				.filter((host) -> !host.equals(self) && host.port() > 0)
				.distinct()
				.toList();
		}
		catch (RuntimeException ex) {
			throw new TrackingUnavailable(ex);
		}
	}

	/** This instance's Kafka Streams client (the binder's, as it is now: a restart replaces it). */
	private KafkaStreams running() {
		StreamsBuilderFactoryBean factory = this.streams.getIfAvailable();
		KafkaStreams kafkaStreams = (factory != null) ? factory.getKafkaStreams() : null;
		if (kafkaStreams == null) {
			throw new IllegalStateException("Kafka Streams is not started");
		}
		return kafkaStreams;
	}

	private ReadOnlyKeyValueStore<String, byte[]> store() {
		return this.queries.getQueryableStore(TrackingStores.TRACKINGS, QueryableStoreTypes.keyValueStore());
	}

	private <T> T query(Supplier<T> query) {
		try {
			return this.retry.execute(query::get);
		}
		catch (RetryException ex) {
			throw new TrackingUnavailable(ex.getCause());
		}
	}

	/** The tracking store cannot be queried right now (Kafka Streams starting or rebalancing); retry later. */
	public static class TrackingUnavailable extends Unavailable {

		public TrackingUnavailable(Throwable cause) {
			super("The tracking store is not queryable right now", "The tracking view is not available right now (starting or rebalancing)", cause);
		}

	}

}
