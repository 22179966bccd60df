package org.valise.system.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProducerPerfTests {

	@Test
	void readsTheFinalResultLineNotTheProgressLines() {
		String output = "50011 records sent, 10002.2 records/sec (9.77 MB/sec), 1100.3 ms avg latency, 1800.0 ms max latency.\n"
				+ "200000 records sent, 24975.024975 records/sec (24.39 MB/sec), 830.41 ms avg latency, 1861.00 ms max "
				+ "latency, 801 ms 50th, 1502 ms 95th, 1753 ms 99th, 1850 ms 99.9th.\n";
		ProducerPerf result = ProducerPerf.parse(output);
		assertThat(result.records()).isEqualTo(200_000);
		assertThat(result.recordsPerSecond()).isEqualTo(24975.024975);
		assertThat(result.mbPerSecond()).isEqualTo(24.39);
		assertThat(result.p50Ms()).isEqualTo(801);
		assertThat(result.p99Ms()).isEqualTo(1753);
		assertThat(result.p999Ms()).isEqualTo(1850);
	}

	@Test
	void failsWhenThereIsNoResult() {
		assertThatIllegalStateException().isThrownBy(() -> ProducerPerf.parse("Exception in thread main"));
	}

}
