package org.valise.intake.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in the shapes correspondence writes them, in the nine languages: day month year ("3rd May 2023", "le
 * 17 octobre 2019", "7 de junio de 2021", "14 марта 2024 года", "٥ مايو ٢٠٢٢"), "this 14th day of March, 2019", month
 * day year ("April 22, 2014"), digits day first ("28.01.2021", "3/4/2012"; month first only when the day cannot be
 * the month), ISO ("2024-04-03") and Chinese ("2024年6月18日", "二〇一二年四月十日"). Month names come from the JDK's
 * locale data (CLDR: every regional variant of each language, full and abbreviated, e.g. "setiembre", "كانون
 * الثاني"), digits of other numeral systems are folded to ASCII ({@link TextFold}), and Chinese numerals are read
 * with the values the JDK's Chinese month names give them. It also recognises a dateline: a date standing alone on
 * its line, possibly with the place ("Geneva, 28 January 2021", "Genf, den 5. Mai 2023", "جنيف في ٥ مايو ٢٠٢٢",
 * "2024年6月18日于日内瓦", "Done at Nairobi this 14th day of March, 2019").
 */
final class DateExtractor {

	/** A date found in a folded text, with its offsets. */
	record Found(LocalDate date, int start, int end) {
	}

	/** A dateline: the date and, when written, the place (offsets in the text searched). */
	record Dateline(LocalDate date, int dateStart, int dateEnd, int placeStart, int placeEnd) {

		boolean hasPlace() {
			return this.placeStart >= 0;
		}

	}

	private static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "it", "de", "ru", "ar");

	private static final Map<String, Integer> MONTHS = months();

	private static final Map<Character, Integer> CHINESE_DIGITS = chineseDigits();

	/** A month name: one word or two ("كانون الثاني"), looked up in {@link #MONTHS} once matched. */
	private static final String MONTH = "(\\p{L}{3,}(?: \\p{L}{2,})?)";

	private static final String DAY = "[«\"]?(\\d{1,2})[»\"]?(?:st|nd|rd|th|er|re|e|eme|o|a|°|º|\\.|-?(?:го|е))?";

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<![\\d\\p{L}])" + DAY + "(?:\\s*day)?"
			+ "(?:\\s+(?:of|de|del|di)(?!\\p{L}))?\\s*" + MONTH + "\\.?(?:\\s+(?:de|del|of|di)(?!\\p{L}))?,?\\s+"
			+ "(?:in the year\\s+)?(\\d{4})(?!\\d)");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile("(?<![\\p{L}])(\\p{L}{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");

	private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/.])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?![\\d/])");

	private static final Pattern ISO = Pattern.compile("(?<![\\d/.-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");

	private static final String HAN_NUMBER = "([〇零一二三四五六七八九十\\d]{1,4})";

	private static final Pattern CHINESE = Pattern.compile(HAN_NUMBER + "年" + HAN_NUMBER + "月" + HAN_NUMBER + "日");

	private static final Pattern YEAR = Pattern.compile("\\d{4}|年");

	private static final Pattern OCR_NUMBER = Pattern.compile("(?<![\\p{L}\\d])[\\dol]{2,4}(?![\\p{L}\\d])");

	private static final Pattern PLACE = Pattern.compile(
			"(?:(?:done|dated|signed|fait|hecho|dado|feito|fatto|gegeben)\\s+(?:at|in|a|à|en|em|a)\\s+)?(?:г\\.\\s*)?"
					+ "([\\p{Lu}\\p{Lo}][\\p{L}\\p{M}'\u2019.\\- ]{0,40}?)\\s*,?\\s*(?:(?:le|el|on|this|en|at|the|den|am|em|aos"
					+ "|a|il|li|в|في)\\s+)?",
			Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern DATE_LABEL = Formulas.folded("\\s*(?:date|fecha|datum|data|дата|التاريخ|日期)\\s*[:：]\\s*");

	private static final Pattern TAIL = Pattern.compile("[\\s.,]*(?:года|г\\.?|год|م|ه|هـ)?[\\s.]*");

	private static final Pattern HAN_PLACE = Pattern.compile("\\s*[于於]\\s*(\\p{IsHan}{2,6})\\s*");

	private DateExtractor() {
	}

	/** Every date in a folded text, in order, without overlaps. */
	static List<Found> findAll(String folded) {
		List<Found> found = new ArrayList<>();
		String s = digitised(folded);
		if (!YEAR.matcher(s).find()) {
			return found;
		}
		collect(DAY_MONTH_YEAR.matcher(s), 1, 2, 3, true, found);
		collect(MONTH_DAY_YEAR.matcher(s), 2, 1, 3, true, found);
		collectNumeric(NUMERIC.matcher(s), found);
		collect(ISO.matcher(s), 3, 2, 1, false, found);
		collectChinese(CHINESE.matcher(s), found);
		found.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
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
			String after = text.substring(f.end());
			Matcher han = HAN_PLACE.matcher(after);
			if (han.matches()) {
				return text.substring(0, f.start()).isBlank() ? new Dateline(f.date(), f.start(), f.end(),
						f.end() + han.start(1), f.end() + han.end(1)) : null;
			}
			if (!TAIL.matcher(after).matches()) {
				continue;
			}
			String before = text.substring(0, f.start());
			if (before.isBlank()) {
				return new Dateline(f.date(), f.start(), f.end(), -1, -1);
			}
			Matcher place = PLACE.matcher(before);
			int lead = before.length() - before.stripLeading().length();
			if (place.region(lead, before.length()).matches() && place.group(1).strip().split("\\s+").length <= 4
					&& !folded.substring(0, f.start())
						.matches(".*\\b(?:dated|datee?|received|recu|recibido|date|fecha|datum|data|distr)\\b.*")) {
				String name = place.group(1).strip().replaceAll("[,.]+$", "");
				int at = place.start(1);
				return new Dateline(f.date(), f.start(), f.end(), at, at + name.length());
			}
		}
		return null;
	}

	/** A date labelled as the document's in a header ("Date: 10 April 2023", "التاريخ: ١٠ نيسان ٢٠٢٣"), or {@code null}. */
	static Dateline labelled(String text, String folded) {
		Matcher label = DATE_LABEL.matcher(folded);
		if (!label.lookingAt()) {
			return null;
		}
		for (Found f : findAll(folded)) {
			if (f.start() == label.end() && TAIL.matcher(text.substring(f.end())).matches()) {
				return new Dateline(f.date(), f.start(), f.end(), -1, -1);
			}
		}
		return null;
	}

	/** The date written out in the given language, e.g. "1 July 2024", "8 octobre 2019", "7 de junio de 2021". */
	static String format(LocalDate date, String language) {
		Locale locale = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
		String month = date.getMonth().getDisplayName(TextStyle.FULL, locale);
		if ("es".equals(language) || "pt".equals(language)) {
			return date.getDayOfMonth() + " de " + month + " de " + date.getYear();
		}
		if (!LANGUAGES.contains(language) || "ar".equals(language)) {
			month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
		}
		return date.getDayOfMonth() + " " + month + " " + date.getYear();
	}

	/** OCR's letters for digits inside numbers ("2O2O", "l998"): read as the digits they stand for. */
	private static String digitised(String folded) {
		Matcher m = OCR_NUMBER.matcher(folded);
		StringBuilder out = null;
		while (m.find()) {
			String token = m.group();
			long digits = token.chars().filter(Character::isDigit).count();
			if (digits >= 2 && digits < token.length()) {
				out = out == null ? new StringBuilder(folded) : out;
				for (int i = m.start(); i < m.end(); i++) {
					char c = folded.charAt(i);
					out.setCharAt(i, c == 'o' ? '0' : (c == 'l' ? '1' : c));
				}
			}
		}
		return out == null ? folded : out.toString();
	}

	private static void collect(Matcher m, int day, int month, int year, boolean named, List<Found> into) {
		while (m.find()) {
			Integer mm = named ? month(m.group(month)) : Integer.valueOf(m.group(month));
			add(into, m.group(year), mm, Integer.parseInt(m.group(day)), m.start(), m.end());
		}
	}

	private static void collectNumeric(Matcher m, List<Found> into) {
		while (m.find()) {
			int first = Integer.parseInt(m.group(1));
			int second = Integer.parseInt(m.group(3));
			boolean monthFirst = second > 12 && first <= 12;
			add(into, m.group(4), monthFirst ? first : second, monthFirst ? second : first, m.start(), m.end());
		}
	}

	private static void collectChinese(Matcher m, List<Found> into) {
		while (m.find()) {
			int year = chinese(m.group(1), true);
			int month = chinese(m.group(2), false);
			int day = chinese(m.group(3), false);
			if (year > 0 && month > 0 && day > 0) {
				add(into, String.valueOf(year), month, day, m.start(), m.end());
			}
		}
	}

	private static void add(List<Found> into, String year, Integer month, int day, int start, int end) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(year), month, day);
			if (date.getYear() >= 1900 && date.getYear() <= 2100) {
				into.add(new Found(date, start, end));
			}
		}
		catch (DateTimeException | NullPointerException ex) {
			// not a calendar date: skip it
		}
	}

	/** Whether a folded word is a month's name in one of the languages. */
	static boolean isMonth(String folded) {
		return MONTHS.containsKey(folded);
	}

	/** The month a name (or a name and the word after it, "junio de") stands for, or {@code null}. */
	private static Integer month(String words) {
		Integer month = MONTHS.get(words);
		int space = words.indexOf(' ');
		return month != null || space < 0 ? month : MONTHS.get(words.substring(0, space));
	}

	/**
	 * A number in Chinese numerals or digits: positional for a year ("二〇一二"), with 十 for ten in a month or day
	 * ("十", "二十五"); -1 if it is not one.
	 */
	static int chinese(String numeral, boolean positional) {
		if (numeral.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(numeral);
		}
		int value = 0;
		int tens = -1;
		for (char c : numeral.toCharArray()) {
			Integer d = Character.isDigit(c) ? Integer.valueOf(c - '0') : CHINESE_DIGITS.get(c);
			if (d == null) {
				return -1;
			}
			if (d == 10 && !positional) {
				tens = value == 0 ? 1 : value;
				value = 0;
			}
			else {
				value = positional ? value * 10 + d : d;
			}
		}
		return tens < 0 ? value : tens * 10 + value;
	}

	/**
	 * Month names of the eight languages that write them in words, folded, from every locale of the JDK in that
	 * language (full and abbreviated, format and standalone forms); a name two months share is left out.
	 */
	private static Map<String, Integer> months() {
		Map<String, Integer> months = new HashMap<>();
		Set<String> ambiguous = new HashSet<>();
		for (Locale locale : Locale.getAvailableLocales()) {
			if (!LANGUAGES.contains(locale.getLanguage())) {
				continue;
			}
			for (Month month : Month.values()) {
				for (TextStyle style : new TextStyle[] { TextStyle.FULL, TextStyle.FULL_STANDALONE, TextStyle.SHORT,
						TextStyle.SHORT_STANDALONE }) {
					String name = TextFold.fold(month.getDisplayName(style, locale)).replace(".", "").strip();
					if (name.length() < 3 || name.chars().anyMatch(Character::isDigit)) {
						continue;
					}
					Integer before = months.putIfAbsent(name, month.getValue());
					if (before != null && before != month.getValue()) {
						ambiguous.add(name);
					}
				}
			}
		}
		ambiguous.forEach(months::remove);
		return months;
	}

	/**
	 * The values of the Chinese numerals one to ten, read off the JDK's Chinese month names ("一月" ... "十月"), with
	 * zero (〇, whose Unicode numeric value is 0, and 零).
	 */
	private static Map<Character, Integer> chineseDigits() {
		Map<Character, Integer> digits = new HashMap<>();
		for (Month month : Month.values()) {
			String name = month.getDisplayName(TextStyle.FULL, Locale.CHINESE);
			if (name.length() == 2 && name.charAt(1) == '月') {
				digits.put(name.charAt(0), month.getValue());
			}
		}
		digits.put('〇', Character.getNumericValue('〇'));
		digits.put('零', 0);
		return digits;
	}

}
