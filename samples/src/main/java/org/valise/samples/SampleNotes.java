package org.valise.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's sample correspondence ({@code samples/notes/}: one raw text per file and {@code expected.jsonl}, the
 * fields a careful registry clerk reads in each), the one loader every module's tests use. The bundled samples come
 * from the classpath (this module's jar), so a test finds them from any working directory; {@link #from(Path)} reads
 * any other folder of the same shape.
 */
public final class SampleNotes {

	/** The reference note: Cambodia's Note No. 2021/01/105 to IOM, for the Director General. */
	public static final String REFERENCE_NOTE = "seed-cambodia-iom-2021-01-105.txt";

	private static final String BUNDLED = "samples/notes/";

	private static final String EXPECTED = "expected.jsonl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SampleNotes() {
	}

	/**
	 * One sample: its file name, what {@code expected.jsonl} says of it, and its text.
	 *
	 * @param file the file name in its folder
	 * @param expected the object of {@code expected.jsonl} for it (snake_case keys, every key present)
	 * @param text the raw text, UTF-8 decoded
	 */
	public record Sample(String file, JsonNode expected, String text) {

		public Sample {
			Objects.requireNonNull(file, "file");
			Objects.requireNonNull(expected, "expected");
			Objects.requireNonNull(text, "text");
		}

		/** The office a registry should send it to first ({@code route_to}). */
		public String routeTo() {
			return this.expected.path("route_to").asString(null);
		}

		/**
		 * Whether it belongs to the regression set: the reference note and the {@code dev-*} samples the parser and
		 * the rules were first written against. Their accuracy floors stay where they are; the others (the wider
		 * world) have floors that only rise.
		 */
		public boolean regression() {
			return isRegression(this.file);
		}

	}

	/** Whether a sample file is one of the regression set (the reference note and {@code dev-*}). */
	public static boolean isRegression(String file) {
		return file.startsWith("seed-") || file.startsWith("dev-");
	}

	/** Every bundled sample, in the order of {@code expected.jsonl}. */
	public static List<Sample> all() {
		return read(SampleNotes::bundled);
	}

	/** Every sample of a folder holding notes and an {@code expected.jsonl}, in the order of that file. */
	public static List<Sample> from(Path directory) {
		return read((name) -> {
			try {
				return Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + directory.resolve(name), ex);
			}
		});
	}

	/** The bundled sample of that file. */
	public static Sample get(String file) {
		return all().stream()
			.filter((sample) -> sample.file().equals(file))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No sample note " + file + " in " + BUNDLED));
	}

	/** The raw text of a bundled sample. */
	public static String text(String file) {
		return bundled(file);
	}

	/** The raw text of the reference note. */
	public static String referenceNote() {
		return text(REFERENCE_NOTE);
	}

	private static List<Sample> read(Function<String, String> files) {
		List<Sample> samples = new ArrayList<>();
		for (String line : files.apply(EXPECTED).split("\n")) {
			if (!line.isBlank()) {
				JsonNode expected = JSON.readTree(line);
				String file = expected.path("file").asString(null);
				if (file == null) {
					throw new IllegalStateException(EXPECTED + " has a line without \"file\": " + line);
				}
				samples.add(new Sample(file, expected, files.apply(file)));
			}
		}
		return List.copyOf(samples);
	}

	private static String bundled(String name) {
		try (InputStream in = SampleNotes.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No " + BUNDLED + name + " on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
