package org.valise.intake.parsing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain benchmark, not a test: parses the reference note on one thread, warms up, then measures notes per second
 * for about ten seconds and prints the figure. Run after {@code test-compile} with
 * {@code java -cp target/classes:target/test-classes org.valise.intake.parsing.ParseThroughput [note.txt] [seconds]}.
 */
public final class ParseThroughput {

	private static final String REFERENCE_NOTE = "seed-cambodia-iom-2021-01-105.txt";

	private ParseThroughput() {
	}

	public static void main(String[] args) throws IOException {
		Path note = args.length > 0 ? Path.of(args[0]) : ParserAccuracyTests.notesDirectory().resolve(REFERENCE_NOTE);
		double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
		String text = Files.readString(note, StandardCharsets.UTF_8);
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
				note.getFileName(), count, elapsed, count / elapsed, 1000 * elapsed / count, sink % 10);
	}

}
