package org.valise.routing.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The organisation directory in force. Loaded at start (an invalid file stops the application); when it is a
 * {@code file:} location, its content is checked every {@code reload-interval} and a changed file is loaded without
 * restart. A changed file that is invalid is rejected with an ERROR naming every problem, and the last good
 * directory stays in force. Listeners learn of every directory put in force after the first.
 */
public final class DirectorySource implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DirectorySource.class);

	private final Resource location;

	private final Duration reloadInterval;

	private final AtomicReference<Loaded> current = new AtomicReference<>();

	private final List<Consumer<Loaded>> listeners = new CopyOnWriteArrayList<>();

	/** Digest of the last content rejected, so that an invalid file is reported once, not at every check. */
	private volatile String rejected;

	private ScheduledExecutorService watcher;

	/** The directory at that location, loaded now; throws {@link InvalidDirectoryException} if it is invalid. */
	public DirectorySource(DirectoryProperties properties) {
		this.location = properties.location();
		this.reloadInterval = properties.reloadInterval() == null ? Duration.ZERO : properties.reloadInterval();
		byte[] content = read();
		Directory directory = DirectoryLoader.load(new ByteArrayInputStream(content), description());
		this.current.set(new Loaded(directory, digest(content), Instant.now()));
		log.info("Loaded organisation directory from {}: {} offices, head {}", description(), directory.offices().size(),
				directory.head().id());
	}

	/** The directory in force. */
	public Directory current() {
		return this.current.get().directory();
	}

	/** When the directory in force was loaded. */
	public Instant loadedAt() {
		return this.current.get().at();
	}

	/** The directory in force, with its version and when it was loaded. */
	public Loaded loaded() {
		return this.current.get();
	}

	/**
	 * Calls the listener with each directory put in force from now on, on the thread that reloads the file; keep it
	 * short. A listener that throws is logged and does not stop the others.
	 */
	public void addListener(Consumer<Loaded> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Reads the file again and puts it in force if it changed and is valid.
	 * @return whether a new directory is now in force
	 */
	public boolean reload() {
		byte[] content;
		try {
			content = read();
		}
		catch (InvalidDirectoryException ex) {
			reject("unreadable", ex);
			return false;
		}
		String digest = digest(content);
		if (digest.equals(this.current.get().version()) || digest.equals(this.rejected)) {
			return false;
		}
		try {
			Directory directory = DirectoryLoader.load(new ByteArrayInputStream(content), description());
			Loaded loaded = new Loaded(directory, digest, Instant.now());
			this.current.set(loaded);
			this.rejected = null;
			log.info("Reloaded organisation directory from {}: {} offices, head {}", description(),
					directory.offices().size(), directory.head().id());
			notifyListeners(loaded);
			return true;
		}
		catch (InvalidDirectoryException ex) {
			reject(digest, ex);
			return false;
		}
	}

	private void notifyListeners(Loaded loaded) {
		for (Consumer<Loaded> listener : this.listeners) {
			try {
				listener.accept(loaded);
			}
			catch (RuntimeException ex) {
				log.error("A listener of the organisation directory failed on version {}", loaded.version(), ex);
			}
		}
	}

	private void reject(String digest, InvalidDirectoryException ex) {
		if (!digest.equals(this.rejected)) {
			this.rejected = digest;
			log.error("Rejected the changed organisation directory; the directory loaded at {} stays in force. {}",
					loadedAt(), ex.getMessage());
		}
	}

	/** Whether the location is a file (not a class path resource) that can be watched. */
	boolean watchable() {
		return !(this.location instanceof ClassPathResource) && this.location.isFile() && !this.reloadInterval.isZero()
				&& !this.reloadInterval.isNegative();
	}

	@Override
	public void start() {
		if (watchable()) {
			this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "directory-watcher");
				thread.setDaemon(true);
				return thread;
			});
			long millis = this.reloadInterval.toMillis();
			this.watcher.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
			log.info("Watching {} for changes every {}", description(), this.reloadInterval);
		}
	}

	private void checkQuietly() {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			log.error("Could not check the organisation directory {} for changes", description(), ex);
		}
	}

	@Override
	public void stop() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
			this.watcher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null;
	}

	private byte[] read() {
		if (!this.location.exists()) {
			throw new InvalidDirectoryException(description(),
					List.of("the file does not exist (set valise.directory.location)"));
		}
		try {
			return this.location.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new InvalidDirectoryException(description(), List.of("cannot be read: " + ex.getMessage()));
		}
	}

	private String description() {
		return this.location.getDescription();
	}

	private static String digest(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A directory in force.
	 *
	 * @param directory the directory
	 * @param version the SHA-256 (hex) of the file it was read from
	 * @param at when it was loaded
	 */
	public record Loaded(Directory directory, String version, Instant at) {
	}

}
