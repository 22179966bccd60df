package org.valise.system.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTests {

	@Test
	void readsPercentilesInMillisecondsOffMicroseconds() {
		Histogram histogram = LatencySummary.histogram();
		for (int i = 1; i <= 1000; i++) {
			LatencySummary.record(histogram, i * 1000L); // 1..1000 ms
		}
		LatencySummary summary = LatencySummary.of(histogram);
		assertThat(summary.count()).isEqualTo(1000);
		assertThat(summary.p50()).isCloseTo(500, within(1.0));
		assertThat(summary.p99()).isCloseTo(990, within(1.0));
		assertThat(summary.p999()).isCloseTo(999, within(1.0));
		assertThat(summary.max()).isCloseTo(1000, within(1.0));
		assertThat(summary.mean()).isCloseTo(500.5, within(1.0));
	}

	@Test
	void countsANegativeClockStepAsZeroAndAnEmptyHistogramAsNone() {
		Histogram histogram = LatencySummary.histogram();
		assertThat(LatencySummary.of(histogram)).isEqualTo(LatencySummary.NONE);
		LatencySummary.record(histogram, -5);
		assertThat(LatencySummary.of(histogram).max()).isZero();
	}

}
