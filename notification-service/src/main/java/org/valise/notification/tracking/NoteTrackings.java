package org.valise.notification.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.valise.notification.event.NoteFields;
import org.valise.platform.security.Caller;
import org.valise.platform.security.NoteAccess;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the tracking views from the {@code note-tracking} store through Kafka Streams interactive queries: one note, or
 * a search over every note this instance holds. Single instance: with several, each holds only its partitions, so a
 * GET must be forwarded to the owner (application.server + getKafkaStreamsApplicationHostInfo) and a search must ask
 * every instance (allMetadataForStore) and merge the pages.
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

	private final StreamsBuilderFactoryBean streams;

	NoteTrackings(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	/**
	 * The tracking view of a note, empty when no event of it has been seen.
	 * @throws TrackingUnavailable while the store cannot be queried (starting, rebalancing)
	 */
	public Optional<NoteTracking> find(UUID noteId) {
		return Optional.ofNullable(query(() -> store().get(noteId.toString())));
	}

	/**
	 * Every tracking view this instance holds (a full scan of the store: for overviews, not per note).
	 * @throws TrackingUnavailable while the store cannot be queried (starting, rebalancing)
	 */
	public List<NoteTracking> all() {
		return query(() -> {
			List<NoteTracking> found = new ArrayList<>();
			try (KeyValueIterator<String, NoteTracking> all = store().all()) {
				all.forEachRemaining((entry) -> {
					if (entry.value != null) {
						found.add(entry.value);
					}
				});
			}
			return found;
		});
	}

	/**
	 * One page of the notes a caller may see that match a search, most recently received first; a caller that may
	 * not read a note's content neither finds it by its content nor sees its content in the page.
	 */
	NotePage search(NoteSearch search, Caller caller, Instant now) {
		List<NoteTracking> matches = query(() -> {
			List<NoteTracking> found = new ArrayList<>();
			try (KeyValueIterator<String, NoteTracking> all = store().all()) {
				all.forEachRemaining((entry) -> {
					if (entry.value != null) {
						NoteAccess access = NoteAccess.of(caller, entry.value.audience());
						if (access != NoteAccess.NONE && search.matches(entry.value, access, now)) {
							found.add(entry.value);
						}
					}
				});
			}
			return found;
		});
		matches.sort(Comparator.comparing(NoteTrackings::since, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing((tracking) -> tracking.noteId().toString()));
		int from = (int) Math.min((long) search.page() * search.size(), matches.size());
		int to = Math.min(from + search.size(), matches.size());
		List<NoteSummary> items = matches.subList(from, to)
			.stream()
			.map((t) -> NoteSummary.of(t, NoteAccess.of(caller, t.audience()), now))
			.toList();
		return new NotePage(items, search.page(), search.size(), matches.size(),
				(matches.size() + search.size() - 1) / search.size());
	}

	private static Instant since(NoteTracking tracking) {
		return (tracking.receivedAt() != null) ? tracking.receivedAt() : tracking.registeredAt();
	}

	// Asks the current KafkaStreams instance each time: a restart (stop/start) replaces it.
	private ReadOnlyKeyValueStore<String, NoteTracking> store() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new IllegalStateException("Kafka Streams is not started");
		}
		return kafkaStreams.store(StoreQueryParameters.fromNameAndType(TrackingTopology.STORE,
				QueryableStoreTypes.keyValueStore()));
	}

	private <T> T query(Supplier<T> query) {
		try {
			return this.retry.execute(query::get);
		}
		catch (RetryException ex) {
			throw new TrackingUnavailable(ex.getCause());
		}
	}

	/**
	 * A search of the tracking views; null criteria match everything.
	 *
	 * @param state only notes in this state
	 * @param office only notes for this office (destination, or escalated to)
	 * @param overdue only notes past (true) or not past (false) their deadline unacknowledged
	 * @param q text found in the registry number, note id, reference, sender or subject (case-insensitive)
	 * @param page the page, from 0
	 * @param size the page size
	 */
	record NoteSearch(TrackingState state, String office, Boolean overdue, String q, int page, int size) {

		boolean matches(NoteTracking tracking, NoteAccess access, Instant now) {
			if (this.state != null && tracking.state() != this.state) {
				return false;
			}
			if (this.office != null && !this.office.isBlank() && !forOffice(tracking, this.office.strip())) {
				return false;
			}
			if (this.overdue != null && tracking.overdue(now) != this.overdue) {
				return false;
			}
			return this.q == null || this.q.isBlank()
					|| contains(tracking, access, this.q.strip().toLowerCase(Locale.ROOT));
		}

		private static boolean forOffice(NoteTracking tracking, String office) {
			return (tracking.destination() != null && office.equalsIgnoreCase(tracking.destination().id()))
					|| tracking.currentEscalations()
						.stream()
						.anyMatch((escalation) -> office.equalsIgnoreCase(escalation.escalatedTo().id()));
		}

		private static boolean contains(NoteTracking tracking, NoteAccess access, String q) {
			List<String> texts = new ArrayList<>(List.of(tracking.noteId().toString()));
			if (tracking.registryNumber() != null) {
				texts.add(tracking.registryNumber());
			}
			if (tracking.note() != null && access.seesContent()) {
				for (String text : new String[] { tracking.note().reference(), tracking.note().sender(),
						tracking.note().subject() }) {
					if (text != null) {
						texts.add(text);
					}
				}
			}
			return texts.stream().anyMatch((text) -> text.toLowerCase(Locale.ROOT).contains(q));
		}

	}

	/**
	 * A note in a search result.
	 *
	 * @param noteId the note
	 * @param registryNumber its registry number
	 * @param state where it stands
	 * @param revision the routing revision in force
	 * @param office the destination office id
	 * @param officeName its name
	 * @param priority NORMAL, HIGH or URGENT
	 * @param reference the sender's reference
	 * @param sender the sender
	 * @param language the note's language
	 * @param receivedAt when intake accepted it
	 * @param acknowledgementDeadline the deadline in force
	 * @param overdue whether it passed unacknowledged
	 * @param escalationLevel the highest escalation level of the revision in force
	 * @param failedDeliveries deliveries given up
	 * @param access what the caller may see of the note (reference, sender and language are content)
	 */
	record NoteSummary(UUID noteId, String registryNumber, TrackingState state, int revision, String office,
			String officeName, String priority, String reference, String sender, String language, Instant receivedAt,
			Instant acknowledgementDeadline, boolean overdue, int escalationLevel, long failedDeliveries,
			NoteAccess access) {

		static NoteSummary of(NoteTracking t, NoteAccess access, Instant now) {
			NoteFields note = access.seesContent() ? t.note() : null;
			return new NoteSummary(t.noteId(), t.registryNumber(), t.state(), t.revision(),
					(t.destination() != null) ? t.destination().id() : null,
					(t.destination() != null) ? t.destination().name() : null, t.priority(),
					(note != null) ? note.reference() : null, (note != null) ? note.sender() : null,
					(note != null) ? note.language() : null, t.receivedAt(), t.acknowledgementDeadline(),
					t.overdue(now), t.currentEscalations().size(),
					t.deliveries().stream().filter((d) -> d.status() == NoteTracking.DeliveryStatus.FAILED).count(),
					access);
		}

	}

	/**
	 * One page of a search.
	 *
	 * @param items the notes of the page
	 * @param page the page, from 0
	 * @param size the page size
	 * @param totalItems how many notes match
	 * @param totalPages how many pages
	 */
	record NotePage(List<NoteSummary> items, int page, int size, long totalItems, int totalPages) {
	}

	/** The tracking store cannot be queried right now (Kafka Streams starting or rebalancing); retry later. */
	public static class TrackingUnavailable extends RuntimeException {

		TrackingUnavailable(Throwable cause) {
			super("The tracking store is not queryable right now", cause);
		}

	}

}
