package org.valise.notification.receipt;

import java.time.LocalDate;

/**
 * Dates written out as a note verbale writes them: "28 January 2021", "1er octobre 2019", "23 de agosto de 2022".
 */
final class DateWords {

	private static final String[] EN = { "January", "February", "March", "April", "May", "June", "July", "August",
			"September", "October", "November", "December" };

	private static final String[] FR = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
			"septembre", "octobre", "novembre", "décembre" };

	private static final String[] ES = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
			"septiembre", "octubre", "noviembre", "diciembre" };

	private DateWords() {
	}

	static String write(LocalDate date, String language) {
		int month = date.getMonthValue() - 1;
		return switch (language) {
			case "fr" -> ((date.getDayOfMonth() == 1) ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + FR[month]
					+ " " + date.getYear();
			case "es" -> date.getDayOfMonth() + " de " + ES[month] + " de " + date.getYear();
			default -> date.getDayOfMonth() + " " + EN[month] + " " + date.getYear();
		};
	}

}
