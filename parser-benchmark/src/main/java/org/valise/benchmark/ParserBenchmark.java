package org.valise.benchmark;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.valise.intake.parsing.NoteParser;
import org.valise.intake.parsing.ParsedNote;
import org.valise.samples.SampleNotes;

/**
 * How fast intake's parser reads a note on one core: {@link #throughput()} in notes per second, {@link #latency()}
 * sampled per note (JMH prints its percentiles, p0.99 among them). By default the reference note; any bundled sample
 * with {@code -p note=FILE}. Run: {@code java -jar parser-benchmark/target/benchmarks.jar}.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {

	/** The sample note read, a file of samples/notes. */
	@Param(SampleNotes.REFERENCE_NOTE)
	public String note;

	private String text;

	private NoteParser parser;

	@Setup
	public void read() {
		this.text = SampleNotes.text(this.note);
		this.parser = new NoteParser();
	}

	/** Notes read per second on one thread. */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public ParsedNote throughput() {
		return this.parser.parse(this.text);
	}

	/** The time to read one note, sampled (percentiles in the report). */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public ParsedNote latency() {
		return this.parser.parse(this.text);
	}

}
