package org.valise.kafka.dlq;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersTests {

	/** The writer of every dead letter; the tool does not depend on it (it runs on the broker's classpath alone). */
	private static final Path WRITER = Path.of("..", "platform", "src", "main", "java", "org", "valise", "platform",
			"kafka", "DeadLetters.java");

	@Test
	void namesEveryHeaderAsThePlatformsDeadLetterWriterDoes() throws Exception {
		Matcher constants = Pattern.compile("public static final String (\\w+) = \"([^\"]+)\";")
			.matcher(Files.readString(WRITER));
		Map<String, String> written = constants.results()
			.collect(Collectors.toMap((match) -> match.group(1), (match) -> match.group(2)));

		Map<String, String> read = Arrays.stream(DeadLetterHeaders.class.getDeclaredFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.collect(Collectors.toMap(Field::getName, DeadLetterHeadersTests::value));

		assertThat(written).hasSize(12);
		assertThat(read).isEqualTo(written);
	}

	@Test
	void takesTheHeadersADeadLetterWriterAddsApartFromTheOriginalOnes() {
		assertThat(DeadLetterHeaders.isAdded("x-original-topic")).isTrue();
		assertThat(DeadLetterHeaders.isAdded("x-valise-replayed-from")).isTrue();
		assertThat(DeadLetterHeaders.isAdded("x-exception-stacktrace")).isTrue();
		assertThat(DeadLetterHeaders.isAdded("ce_id")).isFalse();
		assertThat(DeadLetterHeaders.isAdded("traceparent")).isFalse();
		assertThat(DeadLetterHeaders.isAdded("x-request-id")).isFalse();
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
