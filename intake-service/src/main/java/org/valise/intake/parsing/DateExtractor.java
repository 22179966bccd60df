package org.valise.intake.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates written in English, French or Spanish words ("3rd May 2023", "le 17 octobre 2019", "7 de junio de
 * 2021") or in digits ("28.01.2021", day first), and recognises a dateline: a date standing alone on its line,
 * possibly after the place ("Geneva, 28 January 2021").
 */
final class DateExtractor {

	/** A date found in a folded text, with its offsets. */
	record Found(LocalDate date, int start, int end) {
	}

	/** A dateline: the date and, when written, the place before it (offsets in the text searched). */
	record Dateline(LocalDate date, int dateStart, int dateEnd, int placeStart, int placeEnd) {

		boolean hasPlace() {
			return this.placeStart >= 0;
		}

	}

	private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();

	private static final String[][] NAMES = {
			{ "January", "janvier", "enero" }, { "February", "f\u00e9vrier", "febrero" }, { "March", "mars", "marzo" },
			{ "April", "avril", "abril" }, { "May", "mai", "mayo" }, { "June", "juin", "junio" },
			{ "July", "juillet", "julio" }, { "August", "ao\u00fbt", "agosto" },
			{ "September", "septembre", "septiembre" }, { "October", "octobre", "octubre" },
			{ "November", "novembre", "noviembre" }, { "December", "d\u00e9cembre", "diciembre" } };

	static {
		String abbreviations = "jan janv ene feb fev fevr mar apr avr abr may jun jul juil aug ago sep sept set oct nov dec dic";
		int[] months = { 1, 1, 1, 2, 2, 2, 3, 4, 4, 4, 5, 6, 7, 7, 8, 8, 9, 9, 9, 10, 11, 12, 12 };
		for (int m = 0; m < 12; m++) {
			for (String name : NAMES[m]) {
				MONTHS.put(TextFold.fold(name), m + 1);
			}
		}
		MONTHS.put("setiembre", 9);
		String[] abbr = abbreviations.split(" ");
		for (int i = 0; i < abbr.length; i++) {
			MONTHS.putIfAbsent(abbr[i], months[i]);
		}
	}

	private static final String MONTH = "(" + String.join("|",
			MONTHS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) + ")\\b";

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s?(?:st|nd|rd|th|er|\u00b0|\u00ba)?"
			+ "(?:\\s+of|\\s+de)?\\s+" + MONTH + "\\.?(?:\\s+del?)?,?\\s+(\\d{4})\\b");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

	private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/.])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?![\\d/])");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern ISO = Pattern.compile("(?<![\\d/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");

	private static final Pattern PLACE = Pattern.compile(
			"(\\p{Lu}[\\p{L}'\u2019.\\- ]{0,40}?)\\s*,?\\s*(?:(?:le|el|on|this|en|at|the)\\s+)?",
			Pattern.UNICODE_CHARACTER_CLASS);

	private DateExtractor() {
	}

	static List<Found> findAll(String folded) {
		List<Found> found = new ArrayList<>();
		if (!YEAR.matcher(folded).find()) {
			return found;
		}
		collect(DAY_MONTH_YEAR.matcher(folded), 1, 2, 3, true, found);
		collect(MONTH_DAY_YEAR.matcher(folded), 2, 1, 3, true, found);
		collect(NUMERIC.matcher(folded), 1, 3, 4, false, found);
		collect(ISO.matcher(folded), 3, 2, 1, false, found);
		found.sort(Comparator.comparingInt(Found::start));
		List<Found> distinct = new ArrayList<>();
		for (Found f : found) {
			if (distinct.isEmpty() || f.start() >= distinct.get(distinct.size() - 1).end()) {
				distinct.add(f);
			}
		}
		return distinct;
	}

	/** The dateline in a cell of text, or {@code null} if the cell is not a dateline. */
	static Dateline dateline(String text, String folded) {
		for (Found f : findAll(folded)) {
			if (!text.substring(f.end()).matches("[\\s.]*")) {
				continue;
			}
			String before = text.substring(0, f.start());
			if (before.isBlank()) {
				return new Dateline(f.date(), f.start(), f.end(), -1, -1);
			}
			Matcher place = PLACE.matcher(before);
			int lead = before.length() - before.stripLeading().length();
			if (place.region(lead, before.length()).matches() && place.group(1).strip().split("\\s+").length <= 4
					&& !folded.substring(0, f.start()).matches(".*\\b(?:dated|received|recu|recibido|date|fecha)\\b.*")) {
				String name = place.group(1).strip();
				int at = place.start(1);
				return new Dateline(f.date(), f.start(), f.end(), at, at + name.length());
			}
		}
		return null;
	}

	/** The date written out in the given language, e.g. "1 July 2024", "8 octobre 2019", "7 de junio de 2021". */
	static String format(LocalDate date, String language) {
		int column = "fr".equals(language) ? 1 : ("es".equals(language) ? 2 : 0);
		String month = NAMES[date.getMonthValue() - 1][column];
		if (column == 2) {
			return date.getDayOfMonth() + " de " + month + " de " + date.getYear();
		}
		return date.getDayOfMonth() + " " + month + " " + date.getYear();
	}

	private static void collect(Matcher m, int day, int month, int year, boolean named, List<Found> into) {
		while (m.find()) {
			try {
				int mm = named ? MONTHS.get(m.group(month)) : Integer.parseInt(m.group(month));
				LocalDate date = LocalDate.of(Integer.parseInt(m.group(year)), mm, Integer.parseInt(m.group(day)));
				if (date.getYear() >= 1900 && date.getYear() <= 2100) {
					into.add(new Found(date, m.start(), m.end()));
				}
			}
			catch (DateTimeException | NullPointerException ex) {
				// not a calendar date: skip it
			}
		}
	}

}
