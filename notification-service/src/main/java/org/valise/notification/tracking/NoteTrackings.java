package org.valise.notification.tracking;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * The notes' tracking views, read from this instance's {@code note-tracking} store (interactive queries).
 */
@Component
public class NoteTrackings {

	// The store refuses queries while its stream thread is not RUNNING (e.g. just after a rebalance): wait up to ~2 s.
	private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
		.includes(InvalidStateStoreException.class, IllegalStateException.class)
		.maxRetries(10)
		.delay(Duration.ofMillis(200))
		.multiplier(1)
		.build());

	private final KafkaStreamsInteractiveQueryService queries;

	NoteTrackings(KafkaStreamsInteractiveQueryService queries) {
		this.queries = queries;
	}

	/**
	 * The tracking view of a note, empty when no event of it has been seen.
	 * @throws TrackingUnavailable while the store cannot be queried (starting, rebalancing)
	 */
	public Optional<NoteTracking> find(UUID noteId) {
		try {
			return Optional.ofNullable(this.retry.execute(() -> {
				ReadOnlyKeyValueStore<String, NoteTracking> store = this.queries
					.retrieveQueryableStore(TrackingTopology.STORE, QueryableStoreTypes.keyValueStore());
				return store.get(noteId.toString());
			}));
		}
		catch (RetryException ex) {
			throw new TrackingUnavailable(ex.getCause());
		}
	}

	/** The tracking store cannot be queried right now (Kafka Streams starting or rebalancing); retry later. */
	public static class TrackingUnavailable extends RuntimeException {

		TrackingUnavailable(Throwable cause) {
			super("The tracking store is not queryable right now", cause);
		}

	}

}
