package org.valise.system.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark (system-tests/BENCHMARK.md): {@code -Dit.test=BenchmarkTests}, the CI profile by default,
 * {@code -Dvalise.bench=full} for the full run. Asserts no timing: only that it ran and wrote every figure.
 */
class BenchmarkTests {

	@Test
	void measuresValiseAndItsBaselinesAndWritesEveryFigure() throws Exception {
		BenchResult result = new Benchmark(BenchProfile.fromSystemProperties()).run();
		Path json = BenchReport.write(result);
		System.out.println(Files.readString(json.resolveSibling("bench-" + result.profile() + ".md")));

		JsonNode figures = JsonMapper.builder().build().readTree(json.toFile());
		for (String figure : new String[] { "machine", "maxSustainableRate", "warmUp", "search", "atHalf",
				"atEightyPercent", "overload", "directFeed", "producerPerformance", "rawPipelineBurst",
				"rawPipelineLatency", "ratios", "processes" }) {
			assertThat(figures.path(figure).isMissingNode() || figures.path(figure).isNull()).as(figure).isFalse();
		}
		for (String step : new String[] { "atHalf", "atEightyPercent", "overload" }) {
			for (String latency : new String[] { "intake202", "receivedToRouted", "routedToDelivered", "endToEndMail" }) {
				assertThat(figures.path(step).path(latency).path("count").asLong()).as(step + "." + latency).isPositive();
			}
		}
		assertThat(figures.path("search").size()).isPositive();
		assertThat(figures.path("ratios").size()).isEqualTo(5);
		assertThat(figures.path("producerPerformance").path("recordsPerSecond").asDouble()).isPositive();
		assertThat(figures.path("rawPipelineBurst").path("completed").asLong()).isPositive();
		assertThat(figures.path("directFeed").path("completed").asLong()).isPositive();
		assertThat(figures.path("processes").size()).isGreaterThanOrEqualTo(8);
		assertThat(json.resolveSibling("bench-" + result.profile() + ".svg")).exists();
	}

}
