package org.valise.routing.directory;

import java.time.LocalDate;

/**
 * A person who heads an office over a period.
 *
 * @param name the holder's name as usually written (e.g. António Vitorino)
 * @param from the first day in office, or {@code null} if unknown
 * @param until the last day in office, or {@code null} while in office
 */
public record Holder(String name, LocalDate from, LocalDate until) {

	/** Whether the holder was in office on that day. */
	public boolean heldOn(LocalDate day) {
		return (this.from == null || !day.isBefore(this.from)) && (this.until == null || !day.isAfter(this.until));
	}

}
