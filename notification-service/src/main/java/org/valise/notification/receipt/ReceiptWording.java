package org.valise.notification.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The wording of the receipt drafts in one language: the bundle {@code messages_<language>.properties} beside this
 * class (UTF-8), whose values are {@link MessageFormat} patterns. A language has a bundle of its own or none: it never
 * borrows another language's keys, nor the machine's default locale.
 */
final class ReceiptWording {

	/** Every key a bundle must have. */
	static final List<String> KEYS = List.of("document.note", "document.letter", "cited", "cited.reference",
			"cited.date", "enclosures.one", "enclosures.many", "receipt", "attention", "closing", "foot", "date",
			"date.first-day", "date.months");

	private static final String BUNDLE = "org.valise.notification.receipt.messages";

	private static final ResourceBundle.Control OWN_LANGUAGE_ONLY = new OwnLanguageOnly();

	private final ResourceBundle bundle;

	private final List<String> months;

	private ReceiptWording(ResourceBundle bundle) {
		List<String> missing = KEYS.stream().filter((key) -> !bundle.containsKey(key)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException(resource(bundle.getLocale().toLanguageTag()) + " lacks " + missing);
		}
		this.bundle = bundle;
		List<String> months = new ArrayList<>();
		for (String month : text("date.months").split(",")) {
			months.add(month.strip());
		}
		this.months = List.copyOf(months);
		if (this.months.size() != 12) {
			throw new IllegalStateException(resource(bundle.getLocale().toLanguageTag()) + " names "
					+ this.months.size() + " months in date.months, not 12");
		}
	}

	/**
	 * The wording in a language.
	 * @param language a language tag, e.g. fr
	 * @return its wording, or empty when it has no bundle
	 * @throws IllegalStateException when its bundle lacks a key
	 */
	static Optional<ReceiptWording> in(String language) {
		if (language == null || language.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new ReceiptWording(
					ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), OWN_LANGUAGE_ONLY)));
		}
		catch (MissingResourceException ex) {
			return Optional.empty();
		}
	}

	/** Where a language's bundle is looked for on the class path. */
	static String resource(String language) {
		return BUNDLE.replace('.', '/') + "_" + language + ".properties";
	}

	/** A message, its placeholders filled with the arguments (given as text, so nothing is formatted as a number). */
	String text(String key, String... arguments) {
		return new MessageFormat(this.bundle.getString(key), this.bundle.getLocale()).format(arguments);
	}

	/** A date in words: "28 January 2021", "1er octobre 2019", "23 de agosto de 2022". */
	String date(LocalDate date) {
		String day = (date.getDayOfMonth() == 1) ? text("date.first-day") : String.valueOf(date.getDayOfMonth());
		return text("date", day, this.months.get(date.getMonthValue() - 1), String.valueOf(date.getYear()));
	}

	/** Reads properties bundles as UTF-8, for the language asked for only: no parent, no fallback locale. */
	private static final class OwnLanguageOnly extends ResourceBundle.Control {

		@Override
		public List<String> getFormats(String baseName) {
			return FORMAT_PROPERTIES;
		}

		@Override
		public List<Locale> getCandidateLocales(String baseName, Locale locale) {
			return List.of(locale);
		}

		@Override
		public Locale getFallbackLocale(String baseName, Locale locale) {
			return null;
		}

		@Override
		public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader loader,
				boolean reload) throws IOException {
			String name = toResourceName(toBundleName(baseName, locale), "properties");
			InputStream stream = loader.getResourceAsStream(name);
			if (stream == null) {
				return null;
			}
			try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
				return new PropertyResourceBundle(reader);
			}
		}

	}

}
