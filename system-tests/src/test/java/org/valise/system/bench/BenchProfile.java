package org.valise.system.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how hard the benchmark runs: {@code ci} (the default; a few minutes, only proves that everything runs
 * and every figure is produced) or {@code full} ({@code -Dvalise.bench=full}: the search for the maximum, one minute
 * at 50 % and at 80 % of it, one minute of overload at 150 %, flight recordings of the services).
 *
 * @param name ci or full
 * @param warmUpRate notes/s while warming up
 * @param warmUp how long
 * @param searchStart the search's first rate
 * @param searchCap the highest rate the search tries
 * @param refinements bisection steps after the first unsustainable rate
 * @param searchFloor the lowest rate the search tries
 * @param searchStep how long each step of the search lasts
 * @param measure how long the steps at 50 % and 80 % of the maximum last
 * @param overload how long the step at 150 % lasts
 * @param drainTimeout how long a step's notes may take to settle after its arrivals
 * @param producerRecords records of ProducerPerformance
 * @param burst notes of each burst fed to the plain pipeline and to routing directly
 * @param flightRecorder whether the services run with JFR
 * @param maxLoadWait how long to wait for a quieter machine before measuring
 */
record BenchProfile(String name, double warmUpRate, Duration warmUp, double searchStart, double searchCap,
		int refinements, double searchFloor, Duration searchStep, Duration measure, Duration overload, Duration drainTimeout,
		long producerRecords, int burst, boolean flightRecorder, Duration maxLoadWait) {

	static BenchProfile ci() {
		return new BenchProfile("ci", 5, Duration.ofSeconds(6), 8, 8, 0, 4, Duration.ofSeconds(6),
				Duration.ofSeconds(6), Duration.ofSeconds(6), Duration.ofSeconds(40), 20_000, 300, false,
				Duration.ZERO);
	}

	static BenchProfile full() {
		// A long warm-up: after 30 s the services' JIT was still compiling, and the search's first steps measured it
		// (the 150 % step sustained 71/s where the search had stopped at 47).
		return new BenchProfile("full", 20, Duration.ofSeconds(90), 25, 3200, 3, 1, Duration.ofSeconds(20),
				Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(120), 200_000, 2000, true,
				Duration.ofMinutes(10));
	}

	/** The profile named by {@code -Dvalise.bench} (ci when absent). */
	static BenchProfile fromSystemProperties() {
		String name = System.getProperty("valise.bench", "ci").trim().toLowerCase(Locale.ROOT);
		return switch (name) {
			case "", "ci" -> ci();
			case "full" -> full();
			default -> throw new IllegalArgumentException("-Dvalise.bench=" + name + ": ci or full");
		};
	}

}
