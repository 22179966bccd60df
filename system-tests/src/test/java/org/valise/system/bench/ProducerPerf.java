package org.valise.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.valise.system.faults.Processes;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance} of kafka-tools) on the same
 * broker, in a JVM of its own: 1 KiB records, {@code acks=all}, as fast as it can. Its last line is the result.
 *
 * @param records records sent
 * @param recordsPerSecond throughput
 * @param mbPerSecond throughput in MB/s
 * @param avgMs mean latency
 * @param p50Ms median latency
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 */
record ProducerPerf(long records, double recordsPerSecond, double mbPerSecond, double avgMs, double p50Ms,
		double p99Ms, double p999Ms) {

	private static final Pattern RESULT = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
			+ "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
			+ "(\\d+) ms 99.9th");

	static ProducerPerf run(String bootstrapServers, long records, Path log) throws IOException, InterruptedException {
		List<String> command = List.of(Processes.java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				"org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.producer-performance", "--num-records",
				String.valueOf(records), "--record-size", "1024", "--throughput", "-1", "--producer-props",
				"bootstrap.servers=" + bootstrapServers, "acks=all");
		Process process = Processes.start(new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile()));
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			Processes.stop(process, 5);
			throw new IllegalStateException("ProducerPerformance did not finish; see " + log);
		}
		return parse(Files.readString(log));
	}

	/** The last result line of ProducerPerformance's output. */
	static ProducerPerf parse(String output) {
		Matcher matcher = RESULT.matcher(output);
		ProducerPerf last = null;
		while (matcher.find()) {
			last = new ProducerPerf(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
					Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
					Double.parseDouble(matcher.group(6)), Double.parseDouble(matcher.group(8)),
					Double.parseDouble(matcher.group(9)));
		}
		if (last == null) {
			throw new IllegalStateException("No result line in ProducerPerformance's output:\n" + output);
		}
		return last;
	}

}
