package org.valise.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's results to {@code target/bench/}: {@code bench-<profile>.json}, the chart
 * {@code bench-<profile>.svg} (latency against offered rate) and {@code bench-<profile>.md} (the README's table).
 */
final class BenchReport {

	static final Path DIRECTORY = Path.of("target", "bench").toAbsolutePath();

	private BenchReport() {
	}

	static Path write(BenchResult result) throws IOException {
		Files.createDirectories(DIRECTORY);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Path file = DIRECTORY.resolve("bench-" + result.profile() + ".json");
		Files.writeString(file, json.writeValueAsString(result));
		Files.writeString(DIRECTORY.resolve("bench-" + result.profile() + ".svg"), chart(result));
		Files.writeString(DIRECTORY.resolve("bench-" + result.profile() + ".md"), table(result));
		return file;
	}

	static String chart(BenchResult result) {
		List<StepResult> steps = new ArrayList<>(result.search());
		steps.add(result.atHalf());
		steps.add(result.atEightyPercent());
		steps.add(result.overload());
		List<SvgChart.Point> p50 = new ArrayList<>();
		List<SvgChart.Point> p99 = new ArrayList<>();
		List<SvgChart.Point> intake = new ArrayList<>();
		for (StepResult step : steps) {
			if (step.endToEndMail().count() > 0) {
				p50.add(new SvgChart.Point(step.offered(), step.endToEndMail().p50()));
				p99.add(new SvgChart.Point(step.offered(), step.endToEndMail().p99()));
				intake.add(new SvgChart.Point(step.offered(), Math.max(0.1, step.intake202().p99())));
			}
		}
		List<SvgChart.Series> series = new ArrayList<>(List.of(new SvgChart.Series("end to end p50", "#1f77b4", p50),
				new SvgChart.Series("end to end p99", "#d62728", p99),
				new SvgChart.Series("intake 202 p99", "#2ca02c", intake)));
		LatencySummary raw = result.rawPipelineLatency();
		if (raw.count() > 0) {
			series.add(new SvgChart.Series("plain pipeline p50", "#9467bd",
					List.of(new SvgChart.Point(result.rawPipelineRate(), Math.max(0.1, raw.p50())))));
			series.add(new SvgChart.Series("plain pipeline p99", "#8c564b",
					List.of(new SvgChart.Point(result.rawPipelineRate(), Math.max(0.1, raw.p99())))));
		}
		return SvgChart.render(String.format(Locale.ROOT, "Valise end to end (POST to e-mail), %s profile, max %.0f notes/s",
				result.profile(), result.maxSustainableRate()), series);
	}

	static String table(BenchResult result) {
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "Run of %s (%s profile, %.0f s) on %d cores (%s), %.1f GiB, %s; load %.2f at "
				+ "start, %.2f when measuring.%n%n", result.startedAt(), result.profile(), result.seconds(),
				result.machine().cores(), result.machine().model(), result.machine().memoryGiB(), result.machine().java(),
				result.machine().loadAtStart(), result.machine().loadBeforeMeasuring()));
		md.append("| step | offered /s | achieved /s | 202 p50 / p99 ms | end-to-end p50 / p99 / p99.9 ms | "
				+ "received→routed p50 / p99 ms | routed→delivered p50 / p99 ms | sustainable |\n");
		md.append("|---|---|---|---|---|---|---|---|\n");
		List<StepResult> steps = new ArrayList<>(result.search());
		steps.add(result.atHalf());
		steps.add(result.atEightyPercent());
		steps.add(result.overload());
		for (StepResult s : steps) {
			md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f / %.1f | %.0f / %.0f / %.0f | %.0f / %.0f | "
					+ "%.0f / %.0f | %s |%n", s.phase(), s.offered(), s.achieved(), s.intake202().p50(), s.intake202().p99(),
					s.endToEndMail().p50(), s.endToEndMail().p99(), s.endToEndMail().p999(), s.receivedToRouted().p50(),
					s.receivedToRouted().p99(), s.routedToDelivered().p50(), s.routedToDelivered().p99(),
					s.sustainable() ? "yes" : "no: " + String.join(", ", s.reasons())));
		}
		md.append(String.format(Locale.ROOT, "%n| figure | Valise | baseline | ratio |%n|---|---|---|---|%n"));
		md.append(String.format(Locale.ROOT, "| max sustainable rate vs plain 3-hop pipeline (burst) | %.0f /s | %.0f /s | %.3f |%n",
				result.maxSustainableRate(), result.rawPipelineBurst().rate(), result.ratios().get("maxRateOverRawPipeline")));
		md.append(String.format(Locale.ROOT, "| max sustainable rate vs ProducerPerformance (1 KiB, acks=all) | %.0f /s | %.0f /s | %.3g |%n",
				result.maxSustainableRate(), result.producerPerformance().recordsPerSecond(),
				result.ratios().get("maxRateOverProducerPerformance")));
		md.append(String.format(Locale.ROOT, "| routing + notification fed NoteReceived directly vs plain pipeline (burst of %d) | %.0f /s | %.0f /s | %.3f |%n",
				result.directFeed().notes(), result.directFeed().rate(), result.rawPipelineBurst().rate(),
				result.ratios().get("directFeedOverRawPipeline")));
		md.append(String.format(Locale.ROOT, "| end-to-end p50 at %.0f /s vs plain pipeline p50 | %.0f ms | %.0f ms | %.1f× |%n",
				result.rawPipelineRate(), result.atHalf().endToEndMail().p50(), result.rawPipelineLatency().p50(),
				result.ratios().get("endToEndP50OverRawPipelineP50")));
		md.append(String.format(Locale.ROOT, "| end-to-end p99 at %.0f /s vs plain pipeline p99 | %.0f ms | %.0f ms | %.1f× |%n",
				result.rawPipelineRate(), result.atHalf().endToEndMail().p99(), result.rawPipelineLatency().p99(),
				result.ratios().get("endToEndP99OverRawPipelineP99")));
		md.append(String.format(Locale.ROOT, "%n| process | CPU s (whole run) | peak RSS MiB |%n|---|---|---|%n"));
		result.processes().forEach((name, usage) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f |%n", name,
				usage.cpuSeconds(), usage.peakRssMiB())));
		return md.toString();
	}

}
