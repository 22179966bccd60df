package org.valise.system.bench;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, read off a histogram recorded in microseconds.
 *
 * @param count how many values
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest
 * @param mean the mean
 */
record LatencySummary(long count, double p50, double p99, double p999, double max, double mean) {

	static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0, 0);

	/** A histogram for latencies in microseconds, up to an hour, 3 significant digits. */
	static Histogram histogram() {
		return new Histogram(3_600_000_000L, 3);
	}

	static LatencySummary of(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return NONE;
		}
		return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
				ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()),
				Math.round(micros.getMean() / 10.0) / 100.0);
	}

	/** Records a latency (clamped into the histogram's range; negative clock steps count as 0). */
	static void record(Histogram micros, long latencyMicros) {
		micros.recordValue(Math.max(0, Math.min(latencyMicros, micros.getHighestTrackableValue())));
	}

	private static double ms(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}

}
