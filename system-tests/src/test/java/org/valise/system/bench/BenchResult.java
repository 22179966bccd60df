package org.valise.system.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one run of the benchmark measured (written as {@code target/bench/bench-<profile>.json}).
 *
 * @param profile ci or full
 * @param startedAt when the run started
 * @param seconds how long it took
 * @param machine the machine and its load
 * @param settings the services' settings that matter for the figures (heap, flight recorder...)
 * @param maxSustainableRate the highest sustainable rate found (notes/s, end to end to the e-mail)
 * @param warmUp the warm-up step
 * @param search the search's steps, in order
 * @param atHalf the step at 50 % of the maximum
 * @param atEightyPercent the step at 80 %
 * @param overload the step at 150 %
 * @param directFeed a burst of NoteReceived copies written straight to notes.received.v1: until every note was
 * mailed (or routed to no office)
 * @param producerPerformance Kafka's ProducerPerformance, 1 KiB, acks=all
 * @param rawPipelineBurst the plain three-hop pipeline fed a burst of the same copies
 * @param rawPipelineRate the rate at which the plain pipeline's latency was measured (Valise's 50 % rate)
 * @param rawPipelineLatency its latency at that rate, from the send to visible at its end
 * @param ratios Valise's figures over the baselines'
 * @param processes CPU seconds and peak RSS of every process over the whole run
 * @param flightRecordings the services' JFR files (full profile)
 */
record BenchResult(String profile, String startedAt, double seconds, Machine machine, Map<String, String> settings,
		double maxSustainableRate, StepResult warmUp, List<StepResult> search, StepResult atHalf,
		StepResult atEightyPercent, StepResult overload, Feeder.Burst directFeed, ProducerPerf producerPerformance,
		Feeder.Burst rawPipelineBurst, double rawPipelineRate, LatencySummary rawPipelineLatency,
		Map<String, Double> ratios, Map<String, ProcessUsage> processes, List<String> flightRecordings) {

	/** The ratios the README's table shows, from the figures. */
	static Map<String, Double> ratios(double maxRate, StepResult atHalf, Feeder.Burst directFeed, ProducerPerf perf,
			Feeder.Burst raw, LatencySummary rawLatency) {
		return Map.of("maxRateOverRawPipeline", Ratios.of(maxRate, raw.rate()), "maxRateOverProducerPerformance",
				Ratios.of(maxRate, perf.recordsPerSecond()), "directFeedOverRawPipeline",
				Ratios.of(directFeed.rate(), raw.rate()), "endToEndP50OverRawPipelineP50",
				Ratios.of(atHalf.endToEndMail().p50(), rawLatency.p50()), "endToEndP99OverRawPipelineP99",
				Ratios.of(atHalf.endToEndMail().p99(), rawLatency.p99()));
	}

}
