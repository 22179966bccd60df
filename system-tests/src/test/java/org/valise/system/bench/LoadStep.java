package org.valise.system.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.awaitility.core.ConditionTimeoutException;
import org.valise.system.faults.DistinctNotes;
import org.valise.system.faults.NoteLoad;
import org.valise.system.faults.NoteLoad.Submitted;
import org.valise.system.faults.ServiceNode;
import org.valise.system.faults.Tokens;

import static org.awaitility.Awaitility.await;

/**
 * Runs one step of open-loop load on intake ({@link NoteLoad}: distinct notes, a bearer token, retries) at a constant
 * rate, waits until every note is settled (or the drain timeout), and measures it from the {@link FlowWatch}.
 */
final class LoadStep {

	private final ServiceNode intake;

	private final DistinctNotes notes;

	private final Tokens registry;

	private final FlowWatch watch;

	private final Supplier<Map<String, Long>> processes;

	private final Duration drainTimeout;

	LoadStep(ServiceNode intake, DistinctNotes notes, Tokens registry, FlowWatch watch,
			Supplier<Map<String, Long>> processes, Duration drainTimeout) {
		this.intake = intake;
		this.notes = notes;
		this.registry = registry;
		this.watch = watch;
		this.processes = processes;
		this.drainTimeout = drainTimeout;
	}

	StepResult run(String phase, double rate, Duration duration) {
		Map<String, ProcessUsage> before = usage();
		long start = FlowWatch.now();
		List<Submitted> submitted;
		Map<String, ProcessUsage> after;
		try (NoteLoad load = new NoteLoad(this.intake.uri("/api/v1/notes"), this.registry, this.notes,
				"bench-" + phase.replaceAll("[^A-Za-z0-9]+", "") + "-" + start, Duration.ofSeconds(30))) {
			load.start(rate, duration);
			await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
				.until(() -> FlowWatch.now() - start >= duration.toNanos() / 1000);
			after = usage();
			submitted = load.awaitSettled(Duration.ofSeconds(90));
		}
		long end = start + duration.toNanos() / 1000;
		List<String> ids = new ArrayList<>();
		submitted.stream().filter((s) -> s.noteId() != null).forEach((s) -> ids.add(s.noteId()));
		double drainSeconds = drain(ids, end);
		StepResult result = measure(phase, rate, duration, submitted, start, end, drainSeconds,
				cores(before, after, (end - start) / 1e6));
		System.out.println(result.line());
		this.watch.forget(ids);
		return result;
	}

	private double drain(List<String> ids, long end) {
		try {
			await().atMost(this.drainTimeout).pollInterval(Duration.ofMillis(100))
				.until(() -> ids.stream().allMatch((id) -> this.watch.trace(id).settled()));
			return Math.max(0, (FlowWatch.now() - end) / 1e6);
		}
		catch (ConditionTimeoutException ex) {
			return -1;
		}
	}

	private StepResult measure(String phase, double rate, Duration duration, List<Submitted> submitted, long start,
			long end, double drainSeconds, Map<String, Double> cores) {
		Histogram answer = LatencySummary.histogram();
		Histogram routing = LatencySummary.histogram();
		Histogram delivery = LatencySummary.histogram();
		Histogram mail = LatencySummary.histogram();
		Histogram delivered = LatencySummary.histogram();
		long windowStart = start + Math.min(5_000_000, duration.toNanos() / 4000);
		long accepted = 0;
		long mailable = 0;
		long mailed = 0;
		long errors = 0;
		long backlog = 0;
		long sentInWindow = 0;
		long mailedInWindow = 0;
		for (Submitted note : submitted) {
			long sent = FlowWatch.micros(note.firstSentAt());
			if (note.noteId() == null) {
				errors++;
				continue;
			}
			accepted++;
			LatencySummary.record(answer, FlowWatch.micros(note.settledAt()) - sent);
			FlowWatch.Trace trace = this.watch.trace(note.noteId());
			errors += trace.failed ? 1 : 0;
			if (trace.received > 0 && trace.routed > 0) {
				LatencySummary.record(routing, trace.routed - trace.received);
			}
			if (trace.routed > 0 && trace.delivered > 0) {
				LatencySummary.record(delivery, trace.delivered - trace.routed);
			}
			if (trace.delivered > 0) {
				LatencySummary.record(delivered, trace.delivered - sent);
			}
			if (!trace.mailable()) {
				continue;
			}
			mailable++;
			if (trace.mailed > 0) {
				mailed++;
				LatencySummary.record(mail, trace.mailed - sent);
			}
			sentInWindow += (sent >= windowStart && sent <= end) ? 1 : 0;
			mailedInWindow += (trace.mailed >= windowStart && trace.mailed <= end) ? 1 : 0;
			backlog += (sent <= end - 2_000_000 && (trace.mailed == 0 || trace.mailed > end)) ? 1 : 0;
		}
		double ratio = Sustainability.ratio(sentInWindow, mailedInWindow);
		List<String> reasons = Sustainability.reasons(sentInWindow, mailedInWindow, backlog, mailable, errors,
				drainSeconds >= 0);
		double seconds = duration.toMillis() / 1000.0;
		double offered = submitted.size() / seconds;
		return new StepResult(phase, rate, seconds, Math.round(offered * Math.min(1, ratio) * 10) / 10.0,
				Math.round(ratio * 1000) / 1000.0, reasons.isEmpty(), reasons, submitted.size(), accepted, mailable,
				mailed, errors, backlog, Math.round(drainSeconds * 10) / 10.0, LatencySummary.of(answer),
				LatencySummary.of(routing), LatencySummary.of(delivery), LatencySummary.of(mail),
				LatencySummary.of(delivered), cores);
	}

	private Map<String, ProcessUsage> usage() {
		Map<String, ProcessUsage> usage = new LinkedHashMap<>();
		this.processes.get().forEach((name, pid) -> usage.put(name, ProcessUsage.of(pid)));
		return usage;
	}

	private static Map<String, Double> cores(Map<String, ProcessUsage> before, Map<String, ProcessUsage> after,
			double seconds) {
		Map<String, Double> cores = new LinkedHashMap<>();
		after.forEach((name, usage) -> cores.put(name,
				Math.round(usage.cpuSince(before.getOrDefault(name, ProcessUsage.GONE)) / seconds * 100) / 100.0));
		return cores;
	}

}
