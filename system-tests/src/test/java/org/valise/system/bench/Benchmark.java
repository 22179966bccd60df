package org.valise.system.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.valise.system.faults.DistinctNotes;
import org.valise.system.faults.Fleet;
import org.valise.system.faults.Fleet.Service;
import org.valise.system.faults.ServiceNode;
import org.valise.system.faults.Tokens;
import org.valise.system.faults.TopicArchive;

import static org.awaitility.Awaitility.await;

/**
 * One run of the benchmark on this machine: a real broker, the mail server and the three packaged services as processes
 * ({@link Fleet}, every office by e-mail, each service with a 256 MiB heap), warm-up, the search for the maximum
 * sustainable rate, steps at 50 %, 80 % and 150 % of it, routing and notification fed {@code NoteReceived} directly,
 * then the baselines on the same broker: ProducerPerformance and the plain three-hop pipeline.
 */
final class Benchmark {

	static final String HEAP = "-Xmx256m";

	/**
	 * Extra JVM options for every service ({@code -Dvalise.bench.jvm="-Dname=value ..."}), e.g. a Kafka Streams setting
	 * to compare: {@code -Dspring.cloud.stream.kafka.streams.binder.configuration.commit.interval.ms=20}.
	 */
	static final List<String> EXTRA = List.of(System.getProperty("valise.bench.jvm", "").trim().split("\\s+"))
		.stream()
		.filter((option) -> !option.isEmpty())
		.toList();

	private final BenchProfile profile;

	private final Path run;

	Benchmark(BenchProfile profile) {
		this.profile = profile;
		this.run = BenchReport.DIRECTORY.resolve("run-" + Instant.now().toString().replace(':', '-'));
	}

	BenchResult run() throws Exception {
		Instant startedAt = Instant.now();
		double loadAtStart = Machine.load();
		Files.createDirectories(this.run);
		Path jfr = Files.createDirectories(this.run.resolve("jfr"));
		Map<Service, List<String>> jvm = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			List<String> options = new ArrayList<>(List.of(HEAP));
			options.addAll(EXTRA);
			if (this.profile.flightRecorder()) {
				options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
						+ jfr.resolve(service.name().toLowerCase() + ".jfr"));
			}
			jvm.put(service, options);
		}
		log("starting the fleet (logs in " + this.run + ")");
		try (Fleet fleet = Fleet.start(1, new Fleet.Settings(this.run, false, jvm, "bench"))) {
			Tokens registry = Tokens.registry();
			ServiceNode intake = fleet.service(Service.INTAKE);
			DistinctNotes notes = DistinctNotes.checkedAgainst(intake.uri("/api/v1/notes/parse"), registry.get());
			Map<String, Long> pids = new LinkedHashMap<>();
			pids.put("kafka", fleet.broker().pid());
			fleet.services().forEach((service, node) -> pids.put(node.name(), node.pid()));
			pids.put("load-generator+greenmail", ProcessHandle.current().pid());
			try (FlowWatch watch = new FlowWatch(fleet.bootstrapServers(), fleet.mail())) {
				LoadStep steps = new LoadStep(intake, notes, registry, watch, () -> pids, this.profile.drainTimeout());
				StepResult warmUp = steps.run("warm-up", this.profile.warmUpRate(), this.profile.warmUp());
				fleet.mail().drain();
				double loadBeforeMeasuring = awaitQuieterMachine();
				List<StepResult> search = new ArrayList<>();
				RateSearch rates = new RateSearch(this.profile.searchStart(), this.profile.searchCap(),
						this.profile.refinements(), this.profile.searchFloor());
				for (OptionalDouble rate = rates.next(); rate.isPresent(); rate = rates.next()) {
					StepResult step = steps.run("search", rate.getAsDouble(), this.profile.searchStep());
					search.add(step);
					rates.record(rate.getAsDouble(), step.sustainable());
					fleet.mail().drain();
				}
				double max = rates.maximum();
				log("maximum sustainable rate: " + max + " notes/s");
				StepResult half = steps.run("50% of max", Ratios.share(max, 50), this.profile.measure());
				fleet.mail().drain();
				StepResult eighty = steps.run("80% of max", Ratios.share(max, 80), this.profile.measure());
				fleet.mail().drain();
				StepResult overload = steps.run("150% of max", Ratios.share(max, 150), this.profile.overload());
				fleet.mail().drain();
				ReceivedCopies copies = new ReceivedCopies(watch.receivedSamples());
				Feeder.Burst direct = directFeed(fleet, watch, copies);
				fleet.mail().drain();
				log("direct feed: " + direct);
				ProducerPerf perf = ProducerPerf.run(fleet.bootstrapServers(), this.profile.producerRecords(),
						this.run.resolve("producer-performance.log"));
				log("ProducerPerformance: " + perf);
				Feeder.Burst rawBurst;
				LatencySummary rawLatency;
				double rawRate = half.offered();
				try (RawPipeline raw = RawPipeline.start(fleet.bootstrapServers(), this.run)) {
					pids.putAll(raw.pids());
					raw.burst(copies, 200, Duration.ofSeconds(60)); // warm-up
					rawBurst = raw.burst(copies, this.profile.burst(), this.profile.drainTimeout());
					log("plain pipeline burst: " + rawBurst);
					rawLatency = raw.atRate(copies, rawRate, this.profile.measure(), this.profile.drainTimeout());
					log("plain pipeline at " + rawRate + "/s: " + rawLatency);
					Map<String, ProcessUsage> usage = usage(pids);
					double seconds = Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
					BenchResult result = new BenchResult(this.profile.name(), startedAt.toString(), seconds,
							Machine.read(loadAtStart, loadBeforeMeasuring), settings(), max, warmUp, search, half, eighty,
							overload, direct, perf, rawBurst, rawRate, rawLatency,
							BenchResult.ratios(max, half, direct, perf, rawBurst, rawLatency), usage, List.of());
					return withRecordings(result, fleet, jfr);
				}
			}
		}
	}

	private Feeder.Burst directFeed(Fleet fleet, FlowWatch watch, ReceivedCopies copies) {
		try (Feeder feeder = new Feeder(fleet.bootstrapServers())) {
			return feeder.burst(copies, TopicArchive.RECEIVED, this.profile.burst(), this.profile.drainTimeout(), (id) -> {
				FlowWatch.Trace trace = watch.trace(id);
				if (trace.mailed > 0) {
					return trace.mailed;
				}
				return (trace.outcome != null && !trace.mailable()) ? trace.routed : 0;
			});
		}
	}

	/** The services are stopped (JFR dumps on exit) before the recordings are listed: done by the caller's close. */
	private static BenchResult withRecordings(BenchResult result, Fleet fleet, Path jfr) throws Exception {
		fleet.services().values().forEach(ServiceNode::close);
		List<String> files = new ArrayList<>();
		try (Stream<Path> recordings = Files.list(jfr)) {
			recordings.forEach((file) -> files.add(file.toString()));
		}
		return new BenchResult(result.profile(), result.startedAt(), result.seconds(), result.machine(),
				result.settings(), result.maxSustainableRate(), result.warmUp(), result.search(), result.atHalf(),
				result.atEightyPercent(), result.overload(), result.directFeed(), result.producerPerformance(),
				result.rawPipelineBurst(), result.rawPipelineRate(), result.rawPipelineLatency(), result.ratios(),
				result.processes(), files);
	}

	private double awaitQuieterMachine() {
		if (!this.profile.maxLoadWait().isZero() && Machine.load() > 2) {
			log("load " + Machine.load() + " > 2: waiting up to " + this.profile.maxLoadWait().toMinutes() + " min");
			try {
				await().atMost(this.profile.maxLoadWait()).pollInterval(Duration.ofSeconds(60)).until(() -> Machine.load() <= 2);
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				log("load still " + Machine.load() + ": measuring anyway (recorded)");
			}
		}
		return Machine.load();
	}

	private Map<String, String> settings() {
		return Map.of("serviceHeap", HEAP, "extraServiceJvmOptions", String.join(" ", EXTRA), "flightRecorder",
				String.valueOf(this.profile.flightRecorder()),
				"springProfile", "local (./valise up's settings)", "offices", "every office by e-mail (routing's directory)");
	}

	private static Map<String, ProcessUsage> usage(Map<String, Long> pids) {
		Map<String, ProcessUsage> usage = new LinkedHashMap<>();
		pids.forEach((name, pid) -> usage.put(name, ProcessUsage.of(pid)));
		return usage;
	}

	static void log(String line) {
		System.out.println("[bench] " + line);
	}

}
