package org.valise.notification.receipt;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt drafts' bundles: every language has every key, its patterns read as written, and a language without a
 * bundle has no wording (the drafter then writes English), whatever the machine's locale.
 */
class ReceiptWordingTests {

	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	@Test
	void shipsEnglishFrenchAndSpanishEachWithEveryKey() throws Exception {
		Map<String, Properties> bundles = shippedBundles();

		assertThat(bundles).containsKeys("en", "fr", "es");
		assertThat(bundles.get("en").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ReceiptWording.KEYS);
		bundles.forEach((language, bundle) -> assertThat(bundle.stringPropertyNames()).as(language)
			.containsExactlyInAnyOrderElementsOf(ReceiptWording.KEYS));
		bundles.keySet().forEach((language) -> assertThat(ReceiptWording.in(language)).as(language).isPresent());
	}

	@Test
	void writesEveryApostropheTwiceAndUsesOnlyThePlaceholdersEnglishUses() throws Exception {
		Map<String, Properties> bundles = shippedBundles();
		Properties english = bundles.get("en");

		bundles.forEach((language, bundle) -> bundle.stringPropertyNames().forEach((key) -> {
			String pattern = bundle.getProperty(key);
			assertThat(LONE_APOSTROPHE.matcher(pattern).find()).as(language + " " + key + ": " + pattern).isFalse();
			assertThat(placeholders(pattern)).as(language + " " + key)
				.isEqualTo(placeholders(english.getProperty(key)));
		}));
	}

	@Test
	void writesTheApostrophesOfTheFrenchWording() {
		ReceiptWording french = ReceiptWording.in("fr").orElseThrow();

		assertThat(french.text("attention", "note"))
			.isEqualTo("La note a été portée à l'attention des services compétents de l'Organisation.");
		assertThat(french.text("cited.reference", "sa note", "l'{0}''")).isEqualTo("sa note n° l'{0}''");
	}

	@Test
	void writesDatesInTheWordsOfEachLanguage() {
		LocalDate first = LocalDate.of(2019, 10, 1);

		assertThat(ReceiptWording.in("en").orElseThrow().date(first)).isEqualTo("1 October 2019");
		assertThat(ReceiptWording.in("fr").orElseThrow().date(first)).isEqualTo("1er octobre 2019");
		assertThat(ReceiptWording.in("es").orElseThrow().date(LocalDate.of(2022, 8, 23)))
			.isEqualTo("23 de agosto de 2022");
		assertThat(ReceiptWording.in("en").orElseThrow().date(LocalDate.of(12345, 12, 31)))
			.isEqualTo("31 December 12345");
	}

	@Test
	void hasNoWordingInALanguageWithoutABundleWhateverTheMachinesLocale() {
		Locale machine = Locale.getDefault();
		try {
			Locale.setDefault(Locale.FRENCH);

			assertThat(ReceiptWording.in("ar")).isEmpty();
			assertThat(ReceiptWording.in("fr-CA")).isEmpty();
			assertThat(ReceiptWording.in("../../application")).isEmpty();
			assertThat(ReceiptWording.in(null)).isEmpty();
			assertThat(ReceiptWording.in("fr")).isPresent();
		}
		finally {
			Locale.setDefault(machine);
		}
	}

	private static Map<String, Integer> placeholders(String pattern) {
		Map<String, Integer> counts = new TreeMap<>();
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		while (matcher.find()) {
			counts.merge(matcher.group(1), 1, Integer::sum);
		}
		return counts;
	}

	// The bundles in the service's own resources (not the test's), read from their folder.
	private static Map<String, Properties> shippedBundles() throws IOException, URISyntaxException {
		Path english = Path.of(ReceiptWordingTests.class.getClassLoader()
			.getResource(ReceiptWording.resource("en"))
			.toURI());
		Map<String, Properties> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(english.getParent())) {
			for (Path file : files.filter((f) -> f.getFileName().toString().matches("messages_[a-zA-Z-]+\\.properties"))
				.toList()) {
				String name = file.getFileName().toString();
				Properties bundle = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					bundle.load(reader);
				}
				bundles.put(name.substring("messages_".length(), name.length() - ".properties".length()), bundle);
			}
		}
		return bundles;
	}

}
