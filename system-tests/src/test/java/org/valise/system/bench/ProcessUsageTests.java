package org.valise.system.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessUsageTests {

	@Test
	void readsCpuTicksAfterACommandNameWithSpacesAndThePeakResidentSet() {
		String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 566 0 0 20 0 40 0 100 "
				+ "4000000000 70000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
		String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\nThreads:\t40\n";
		ProcessUsage usage = ProcessUsage.parse(stat, status);
		assertThat(usage.cpuSeconds()).isCloseTo(18.0, within(0.001));
		assertThat(usage.peakRssMiB()).isEqualTo(512.0);
		assertThat(usage.rssMiB()).isEqualTo(256.0);
	}

	@Test
	void readsThisVeryProcess() {
		ProcessUsage usage = ProcessUsage.of(ProcessHandle.current().pid());
		assertThat(usage.cpuSeconds()).isPositive();
		assertThat(usage.peakRssMiB()).isGreaterThanOrEqualTo(usage.rssMiB()).isPositive();
		assertThat(usage.cpuSince(ProcessUsage.GONE)).isEqualTo(usage.cpuSeconds());
	}

}
