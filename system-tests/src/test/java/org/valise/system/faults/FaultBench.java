package org.valise.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Runs the scenarios one after the other on a {@link Fleet}: before each, the system must be ready and caught up
 * (else that fleet's scenarios are closed and a fresh fleet is started, so one broken scenario does not fail the
 * next); for each, the load, the fault, the heal, quiet, and an immediate audit. When a fleet's scenarios are over, it
 * waits out notification-service's delivery attempt timeout after the last fault that could cut an e-mail off from
 * its outcome (a second copy would come then), and audits them all again from the beginning of every topic: those are
 * the table's rows. The fleets have the bench's {@link Fleet.Layout} (one of each for the fault suite; several
 * instances and brokers for the scale test), and the load goes to every intake instance in turn.
 */
public final class FaultBench implements AutoCloseable {

	/**
	 * notification-service's delivery attempt timeout ({@code valise.delivery.attempt-timeout}; 15 min by default,
	 * 2 min here so that the suite can wait it out): an attempt without outcome is made again after it, with the same
	 * Message-ID — which the slow SMTP scenario (150 s of slow replies, longer than it) provokes on purpose.
	 */
	static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(2);

	private final FaultProfile profile;

	private final Fleet.Layout layout;

	private final Tokens registry = Tokens.registry();

	private final Tokens clerk = Tokens.clerk();

	private final List<ScenarioRow> rows = new ArrayList<>();

	private DistinctNotes notes;

	private Generation current;

	private int fleets;

	private FaultBench(FaultProfile profile, Fleet.Layout layout) {
		this.profile = profile;
		this.layout = layout;
	}

	static FaultBench start(FaultProfile profile) throws Exception {
		return start(profile, Fleet.Layout.single());
	}

	/** A bench whose fleets have the layout; the first fleet started, checked and warmed up. */
	public static FaultBench start(FaultProfile profile, Fleet.Layout layout) throws Exception {
		FaultBench bench = new FaultBench(profile, layout);
		bench.current = bench.newGeneration();
		return bench;
	}

	/** The fleet the next scenario runs on. */
	public Fleet fleet() {
		return this.current.fleet;
	}

	/** Runs one scenario and audits it at once (the final audit, after the settle window, may find more). */
	public ScenarioRow run(Scenario scenario) throws Exception {
		if (!this.current.healthy()) {
			System.out.println("[fault] fleet " + this.current.fleet.number() + " is not ready or not caught up: "
					+ "closing its scenarios and starting a fresh fleet");
			closeGeneration();
			this.current = newGeneration();
		}
		ScenarioRun run;
		try {
			run = this.current.run(scenario);
		}
		catch (Exception | AssertionError ex) {
			ScenarioRow failed = ScenarioRow.notCompleted(scenario.name(), new IllegalStateException(ex.toString(), ex));
			this.current.failed.add(failed);
			throw ex;
		}
		ScenarioRow row = this.current.audit(run, this.current.archive.catchUp());
		this.current.immediate.add(row);
		System.out.println(ResultTable.render("[fault] " + scenario.name() + " (immediate audit)", List.of(row), true));
		return row;
	}

	/** The runs (submissions, events) of the current fleet's scenarios so far. */
	public List<ScenarioRun> runs() {
		return List.copyOf(this.current.runs);
	}

	/** Closes the current fleet's scenarios (settle, final audit) and returns every row of the suite. */
	public List<ScenarioRow> finish() throws Exception {
		if (this.current != null) {
			closeGeneration();
		}
		return List.copyOf(this.rows);
	}

	FaultProfile profile() {
		return this.profile;
	}

	@Override
	public void close() {
		if (this.current != null) {
			this.current.close();
			this.current = null;
		}
	}

	/** A fresh fleet, checked: the sample notes can be made distinct, and one note goes through end to end. */
	private Generation newGeneration() throws Exception {
		Instant start = Instant.now();
		Generation generation = new Generation(Fleet.start(++this.fleets, this.layout), this.clerk);
		try {
			System.out.println("[fault] fleet " + this.fleets + " ready in " + Duration.between(start, Instant.now()).toSeconds()
					+ " s (logs in " + generation.fleet.logs() + ")");
			if (this.notes == null) {
				this.notes = DistinctNotes.checkedAgainst(
						generation.fleet.service(Fleet.Service.INTAKE).uri("/api/v1/notes/parse"), this.registry.get());
				System.out.println("[fault] distinct notes made from " + this.notes.samples() + " samples");
			}
			generation.warmUp();
		}
		catch (Exception | Error ex) {
			generation.close();
			throw ex;
		}
		return generation;
	}

	private void closeGeneration() throws Exception {
		try {
			this.rows.addAll(this.current.finalRows());
		}
		finally {
			this.current.close();
			this.current = null;
		}
	}

	/** Whether the system's state (what is left to do) has stayed the same for too long. */
	private static final class Progress {

		private final Duration stall;

		private String last;

		private Instant since = Instant.now();

		boolean timedOut;

		Progress(Duration stall) {
			this.stall = stall;
		}

		boolean stalled(String state) {
			if (!state.equals(this.last)) {
				this.last = state;
				this.since = Instant.now();
			}
			return Duration.between(this.since, Instant.now()).compareTo(this.stall) > 0;
		}

	}

	/** One fleet and the scenarios run on it. */
	private final class Generation implements AutoCloseable {

		final Fleet fleet;

		final TopicArchive archive;

		final ConsumerLag lag;

		final DeliveryWatch watch;

		final TrackingViews views;

		final List<ScenarioRun> runs = new ArrayList<>();

		final List<ScenarioRow> immediate = new ArrayList<>();

		final List<ScenarioRow> failed = new ArrayList<>();

		Instant lastDisturbance;

		Generation(Fleet fleet, Tokens clerk) {
			this.fleet = fleet;
			this.archive = new TopicArchive(fleet.bootstrapServers());
			this.lag = new ConsumerLag(fleet.bootstrapServers());
			this.watch = new DeliveryWatch(fleet.bootstrapServers());
			this.views = new TrackingViews(fleet.service(Fleet.Service.NOTIFICATION), clerk);
		}

		boolean healthy() {
			try {
				await().atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> this.fleet.ready() && this.lag.total() == 0);
				return true;
			}
			catch (ConditionTimeoutException ex) {
				StringBuilder why = new StringBuilder();
				this.fleet.nodes().forEach((node) -> why.append(node.name()).append(node.ready() ? " ready, " : " NOT ready, "));
				System.out.println("[fault] fleet " + this.fleet.number() + ": brokers "
						+ (this.fleet.brokers().stream().allMatch(BrokerProcess::running) ? "running" : "NOT all running")
						+ ", " + why + "lag " + this.lag.pending());
				return false;
			}
		}

		/** One note end to end before any fault: the system works, and every client has been created (and logged). */
		void warmUp() {
			Instant start = Instant.now();
			try (NoteLoad load = new NoteLoad(intakes(),
					FaultBench.this.registry, FaultBench.this.notes, "f" + this.fleet.number() + "-warm-up",
					Duration.ofSeconds(60))) {
				load.submit(FaultBench.this.notes.next(), "warm-up");
				NoteLoad.Submitted note = load.awaitSettled(Duration.ofSeconds(90)).get(0);
				if (note.result() != NoteLoad.Result.ACCEPTED) {
					throw new IllegalStateException("The warm-up note was not accepted: " + note);
				}
				await().atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> this.watch.deliveredAt(note.noteId()) != null);
			}
			System.out.println("[fault] warm-up note delivered in " + Duration.between(start, Instant.now()).toMillis()
					+ " ms");
		}

		/** Every intake instance's {@code /api/v1/notes}: the load's clients take them in turn. */
		List<java.net.URI> intakes() {
			return this.fleet.instances(Fleet.Service.INTAKE).stream().map((node) -> node.uri("/api/v1/notes")).toList();
		}

		ScenarioRun run(Scenario scenario) throws Exception {
			FaultProfile profile = FaultBench.this.profile;
			System.out.println("[fault] === " + scenario.name() + ": " + scenario.description() + " (fleet "
					+ this.fleet.number() + ", " + scenario.notesPerSecond() + " notes/s for " + scenario.load().toSeconds()
					+ " s)");
			Instant start = Instant.now();
			try (NoteLoad load = new NoteLoad(intakes(),
					FaultBench.this.registry, FaultBench.this.notes, "f" + this.fleet.number() + "-" + scenario.slug(),
					profile.retryBudget())) {
				load.start(scenario.notesPerSecond(), scenario.load());
				FaultContext context = new FaultContext(this.fleet, load, FaultBench.this.notes, start);
				scenario.fault().inject(context);
				if (scenario.disturbsDelivery()) {
					this.lastDisturbance = Instant.now();
				}
				List<NoteLoad.Submitted> submitted = load.awaitSettled(
						scenario.load().plus(profile.retryBudget()).plus(Duration.ofMinutes(2)));
				context.event("every submission answered (or given up)");
				ScenarioRun run = new ScenarioRun(scenario, this.fleet.number(), start, context.healedAt(), submitted,
						context.events(), context.poisonKeys(), quiet(submitted, context));
				this.runs.add(run);
				return run;
			}
		}

		/**
		 * Waits until every accepted note has a delivery (or a failed one) and no consumer lags, and returns how long
		 * after the heal; null when the bound passed, or nothing moved (notes delivered, lag) for the profile's stall
		 * time — a system that stopped.
		 */
		private Duration quiet(List<NoteLoad.Submitted> submitted, FaultContext context) {
			List<String> accepted = submitted.stream()
				.filter((s) -> s.result() == NoteLoad.Result.ACCEPTED)
				.map(NoteLoad.Submitted::noteId)
				.toList();
			Progress progress = new Progress(FaultBench.this.profile.stall());
			try {
				await().atMost(FaultBench.this.profile.quietBound())
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> {
						long unsettled = this.watch.unsettled(accepted);
						long lag = this.lag.total();
						return (unsettled == 0 && lag == 0) || progress.stalled(unsettled + "/" + lag);
					});
			}
			catch (ConditionTimeoutException ex) {
				progress.timedOut = true;
			}
			if (this.watch.unsettled(accepted) == 0 && this.lag.total() == 0) {
				context.event("quiet");
				return Duration.between(context.healedAt(), Instant.now());
			}
			context.event("not quiet (" + (progress.timedOut ? "bound of " + FaultBench.this.profile.quietBound().toSeconds()
					+ " s passed" : "nothing moved for " + FaultBench.this.profile.stall().toSeconds() + " s") + "): "
					+ this.watch.unsettled(accepted) + " notes without delivery, lag " + this.lag.pending());
			return null;
		}

		ScenarioRow audit(ScenarioRun run, TopicArchive archive) {
			return audit(run, archive, this.lag.total());
		}

		/** The lag is the one measured when the scenario ended: a later scenario's damage is not this one's. */
		ScenarioRow audit(ScenarioRun run, TopicArchive archive, long lag) {
			return new Audit(archive, this.fleet.mail().drain(), lag, this.views.fresh(), this.watch,
					this.fleet.webhook().acceptedByDelivery()).row(run);
		}

		/** After the settle window: every scenario of this fleet audited again, from the beginning of every topic. */
		List<ScenarioRow> finalRows() {
			if (this.lastDisturbance != null) {
				Instant until = this.lastDisturbance.plus(ATTEMPT_TIMEOUT).plusSeconds(15);
				if (Instant.now().isBefore(until)) {
					System.out.println("[fault] waiting until " + until + " for late copies (attempt timeout "
							+ ATTEMPT_TIMEOUT.toSeconds() + " s after the last disturbance)");
					await().atMost(Duration.between(Instant.now(), until).plusSeconds(5))
						.pollInterval(Duration.ofSeconds(1))
						.until(() -> !Instant.now().isBefore(until));
				}
			}
			List<ScenarioRow> rows = new ArrayList<>();
			try (TopicArchive archive = new TopicArchive(this.fleet.bootstrapServers())) {
				archive.catchUp();
				for (int i = 0; i < this.runs.size(); i++) {
					rows.add(audit(this.runs.get(i), archive, this.immediate.get(i).lag()));
				}
			}
			catch (RuntimeException ex) {
				System.out.println("[fault] the final audit of fleet " + this.fleet.number() + " failed (" + ex
						+ "): its scenarios keep their immediate audit");
				rows = new ArrayList<>(this.immediate);
			}
			rows.addAll(this.failed);
			return rows;
		}

		@Override
		public void close() {
			try {
				this.watch.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.lag.close();
			this.archive.close();
			this.fleet.close();
		}

	}

}
