package org.valise.intake.parsing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.valise.samples.SampleNotes;

/**
 * A plain benchmark, not a test: parses the reference note on one thread, warms up, then measures notes per second
 * for about ten seconds and prints the figure. Run after {@code test-compile} with
 * {@code java -cp target/classes:target/test-classes org.valise.intake.parsing.ParseThroughput [note.txt] [seconds]}.
 */
public final class ParseThroughput {

	private ParseThroughput() {
	}

	public static void main(String[] args) throws IOException {
		String text = args.length > 0 ? Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)
				: SampleNotes.referenceNote();
		double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
		NoteParser parser = new NoteParser();
		long sink = 0;
		long warmUpEnd = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < warmUpEnd) {
			sink += parser.parse(text).evidence().size();
		}
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long count = 0;
		long now;
		do {
			sink += parser.parse(text).evidence().size();
			count++;
			now = System.nanoTime();
		}
		while (now < end);
		double elapsed = (now - start) / 1e9;
		System.out.printf("Parsed %s %d times in %.2f s on one thread: %.0f notes/s (%.3f ms/note) [%d]%n",
				(args.length > 0) ? args[0] : SampleNotes.REFERENCE_NOTE, count, elapsed, count / elapsed, 1000 * elapsed / count, sink % 10);
	}

}
