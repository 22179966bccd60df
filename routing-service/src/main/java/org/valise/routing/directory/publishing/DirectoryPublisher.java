package org.valise.routing.directory.publishing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.routing.directory.DirectoryRecords;
import org.valise.routing.directory.DirectoryRecords.OfficeRecord;
import org.valise.routing.directory.DirectorySource;
import org.valise.routing.directory.DirectorySource.Loaded;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@code directory.v1} holding the organisation directory in force: at start it reads what the topic holds,
 * then writes what {@link DirectoryRecords} finds new, changed or removed; again each time a new directory comes into
 * force. It works on a thread of its own, so Kafka being down never blocks or fails the start: a failed publication
 * is logged (WARN) and tried again with a growing delay, the topic read afresh. Counts each publication
 * ({@code valise.directory.published}, tag {@code outcome}: published, unchanged, failed).
 */
public final class DirectoryPublisher implements SmartLifecycle {

	static final String METER = "valise.directory.published";

	private static final Logger log = LoggerFactory.getLogger(DirectoryPublisher.class);

	private final DirectorySource source;

	private final DirectoryTopic topic;

	private final MeterRegistry meters;

	private final Duration firstRetry;

	private final Duration maxRetry;

	private volatile ScheduledExecutorService executor;

	/** What the topic holds, as far as this publisher knows; null: read it. Touched by the publisher's thread only. */
	private Map<String, String> published;

	private Duration nextRetry;

	private ScheduledFuture<?> retry;

	/**
	 * @param firstRetry the delay before the first new try after a failed publication
	 * @param maxRetry the longest delay between tries (each failure doubles it up to that)
	 */
	DirectoryPublisher(DirectorySource source, DirectoryTopic topic, MeterRegistry meters, Duration firstRetry,
			Duration maxRetry) {
		this.source = source;
		this.topic = topic;
		this.meters = meters;
		this.firstRetry = firstRetry;
		this.maxRetry = maxRetry;
		this.nextRetry = firstRetry;
		source.addListener(loaded -> publishSoon());
	}

	@Override
	public void start() {
		this.published = null;
		this.nextRetry = this.firstRetry;
		this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "directory-publisher");
			thread.setDaemon(true);
			return thread;
		});
		publishSoon();
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		this.executor = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private void publishSoon() {
		ScheduledExecutorService executor = this.executor;
		if (executor != null) {
			try {
				executor.execute(this::publish);
			}
			catch (RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	/** One publication of the directory in force (on the publisher's thread). */
	private void publish() {
		if (this.retry != null) {
			this.retry.cancel(false);
			this.retry = null;
		}
		Loaded loaded = this.source.loaded();
		try {
			if (this.published == null) {
				this.published = new HashMap<>(this.topic.read());
			}
			List<OfficeRecord> records = DirectoryRecords.toWrite(this.published, loaded.directory(),
					loaded.version());
			this.topic.write(records, loaded);
			records.forEach(record -> {
				if (record.tombstone()) {
					this.published.remove(record.officeId());
				}
				else {
					this.published.put(record.officeId(), record.value());
				}
			});
			succeeded(records, loaded);
		}
		catch (RuntimeException ex) {
			failed(loaded, ex);
		}
	}

	private void succeeded(List<OfficeRecord> records, Loaded loaded) {
		this.nextRetry = this.firstRetry;
		long removed = records.stream().filter(OfficeRecord::tombstone).count();
		count(records.isEmpty() ? "unchanged" : "published");
		log.info("Published organisation directory version {} on {}: {} offices written, {} removed, {} in force",
				loaded.version(), this.topic.name(), records.size() - removed, removed,
				loaded.directory().offices().size());
	}

	private void failed(Loaded loaded, RuntimeException ex) {
		ScheduledExecutorService executor = this.executor;
		if (executor == null || executor.isShutdown() || Thread.currentThread().isInterrupted()) {
			return;
		}
		// some records may have been written: read the topic again before the next try
		this.published = null;
		count("failed");
		log.warn("Could not publish organisation directory version {} on {}; trying again in {}: {}",
				loaded.version(), this.topic.name(), this.nextRetry, ex.toString());
		log.debug("Publication of the organisation directory failed", ex);
		try {
			this.retry = executor.schedule(this::publish, this.nextRetry.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException stopping) {
			return;
		}
		Duration doubled = this.nextRetry.multipliedBy(2);
		this.nextRetry = (doubled.compareTo(this.maxRetry) > 0) ? this.maxRetry : doubled;
	}

	private void count(String outcome) {
		Counter.builder(METER)
			.description("Publications of the organisation directory on its topic, by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
