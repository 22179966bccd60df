package org.valise.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * An open-loop load of distinct notes on intake, as registries submit them: a new note at a constant rate whatever
 * intake's answers take, for a bounded time; each client retries a 5xx, 408, 429, a timeout or a connection error with
 * the same {@code Idempotency-Key} (exponential backoff with jitter, honouring {@code Retry-After}) until it gets an
 * answer or its retry budget is spent. A note ends ACCEPTED (202), REFUSED (another 4xx, e.g. 413) or UNANSWERED.
 * With several intake instances, the notes go to each in turn (as a load balancer would), and a note's retry goes
 * to the next instance after the one that failed it.
 */
public final class NoteLoad implements AutoCloseable {

	/** What a submission came to. */
	public enum Result {

		/** 202: intake took responsibility for the note. */
		ACCEPTED,

		/** A 4xx other than 408 and 429: a refusal no retry cures (413 for a note too large). */
		REFUSED,

		/** No answer but errors until the client's retry budget was spent. */
		UNANSWERED

	}

	/**
	 * One note submitted, once it is settled.
	 *
	 * @param key its Idempotency-Key
	 * @param label what kind of note ("load", or e.g. "oversized 900 KB")
	 * @param bytes its size
	 * @param firstSentAt when its first attempt left
	 * @param result what it came to
	 * @param noteId the note id of the 202, or null
	 * @param settledAt when the final answer came (or the budget ran out)
	 * @param attempts attempts made
	 * @param lastAnswer the last status or error
	 */
	public record Submitted(String key, String label, int bytes, Instant firstSentAt, Result result, String noteId,
			Instant settledAt, int attempts, String lastAnswer) {
	}

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "note-load");
		thread.setDaemon(true);
		return thread;
	});

	private final List<URI> intakes;


	private final Supplier<String> token;

	private final DistinctNotes notes;

	private final String run;

	private final Duration retryBudget;

	private final Queue<Submitted> settled = new ConcurrentLinkedQueue<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger counter = new AtomicInteger();

	private volatile Consumer<Submitted> onSettled = (submitted) -> {
	};

	/**
	 * @param intakes every intake instance's {@code /api/v1/notes}
	 * @param token the registry's bearer token (renewed by the supplier)
	 * @param run what makes this load's idempotency keys unique
	 */
	public NoteLoad(URI intake, Supplier<String> token, DistinctNotes notes, String run, Duration retryBudget) {
		this(List.of(intake), token, notes, run, retryBudget);
	}

	/** The same load spread over several intake instances (see above). */
	public NoteLoad(List<URI> intakes, Supplier<String> token, DistinctNotes notes, String run, Duration retryBudget) {
		this.intakes = List.copyOf(intakes);
		this.token = token;
		this.notes = notes;
		this.run = run;
		this.retryBudget = retryBudget;
	}

	/** Submits a new distinct note every 1/rate seconds for the duration (open loop), from now. */
	/** Tells the listener of every submission as soon as it is settled (e.g. to time the answers). */
	public NoteLoad onSettled(Consumer<Submitted> listener) {
		this.onSettled = listener;
		return this;
	}

	public NoteLoad start(double notesPerSecond, Duration duration) {
		long period = Math.round(1_000_000 / notesPerSecond);
		long count = Math.round(notesPerSecond * duration.toMillis() / 1000.0);
		AtomicInteger sent = new AtomicInteger();
		AtomicBoolean over = new AtomicBoolean();
		this.inFlight.incrementAndGet(); // the arrivals themselves, until the last note left
		this.scheduler.scheduleAtFixedRate(() -> {
			if (sent.getAndIncrement() < count) {
				submit(this.notes.next(), "load");
			}
			else if (over.compareAndSet(false, true)) {
				this.inFlight.decrementAndGet();
				throw new CancellationException("arrivals over"); // ends the fixed-rate task
			}
		}, 0, period, TimeUnit.MICROSECONDS);
		return this;
	}

	/** Submits one more note now (e.g. an oversized one), with the same retries. */
	void submit(String text, String label) {
		int index = this.counter.incrementAndGet();
		this.inFlight.incrementAndGet();
		attempt(new InFlight(this.run + "-" + index, index, label, text, Instant.now()));
	}

	/** Waits until the arrivals are over and every submission is settled. */
	public List<Submitted> awaitSettled(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> this.inFlight.get() == 0);
		return List.copyOf(this.settled);
	}

	/** The submissions settled so far. */
	public List<Submitted> settled() {
		return List.copyOf(this.settled);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	private void attempt(InFlight note) {
		note.attempts++;
		URI intake = this.intakes.get(Math.floorMod(note.index + note.attempts - 1, this.intakes.size()));
		HttpRequest request = HttpRequest.newBuilder(intake)
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + this.token.get())
			.header("Idempotency-Key", note.key)
			.timeout(ATTEMPT_TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofString(note.text, StandardCharsets.UTF_8))
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.whenComplete((response, error) -> answered(note, response, error));
	}

	private void answered(InFlight note, HttpResponse<String> response, Throwable error) {
		try {
			if (response != null && response.statusCode() == 202) {
				String noteId = this.json.readTree(response.body()).path("noteId").asString(null);
				settle(note, Result.ACCEPTED, noteId, "202");
				return;
			}
			int status = (response != null) ? response.statusCode() : 0;
			String answer = (response != null) ? String.valueOf(status) : describe(error);
			if (response != null && status >= 400 && status < 500 && status != 408 && status != 429) {
				settle(note, Result.REFUSED, null, answer);
				return;
			}
			Duration wait = backoff(note.attempts, (response != null) ? retryAfter(response) : Duration.ZERO);
			if (Instant.now().plus(wait).isAfter(note.firstSentAt.plus(this.retryBudget))) {
				settle(note, Result.UNANSWERED, null, answer);
				return;
			}
			this.scheduler.schedule(() -> attempt(note), wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			settle(note, Result.UNANSWERED, null, "client error " + ex);
		}
	}

	private void settle(InFlight note, Result result, String noteId, String answer) {
		Submitted submitted = new Submitted(note.key, note.label, note.text.getBytes(StandardCharsets.UTF_8).length,
				note.firstSentAt, result, noteId, Instant.now(), note.attempts, answer);
		this.settled.add(submitted);
		try {
			this.onSettled.accept(submitted);
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	private static Duration backoff(int attempts, Duration retryAfter) {
		long exponential = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempts - 1, 10));
		long jittered = (long) (exponential * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble()));
		return Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), Math.max(jittered, retryAfter.toMillis())));
	}

	private static Duration retryAfter(HttpResponse<?> response) {
		try {
			return response.headers().firstValue("Retry-After").map(Long::parseLong).map(Duration::ofSeconds)
				.orElse(Duration.ZERO);
		}
		catch (NumberFormatException ex) {
			return Duration.ZERO;
		}
	}

	private static String describe(Throwable error) {
		Throwable cause = (error.getCause() != null) ? error.getCause() : error;
		return (cause instanceof IOException) ? cause.getClass().getSimpleName() : cause.toString();
	}

	/** A submission on its way. */
	private static final class InFlight {

		final String key;

		final int index;

		final String label;

		final String text;

		final Instant firstSentAt;

		volatile int attempts;

		InFlight(String key, int index, String label, String text, Instant firstSentAt) {
			this.key = key;
			this.index = index;
			this.label = label;
			this.text = text;
			this.firstSentAt = firstSentAt;
		}

	}

}
