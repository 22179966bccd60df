package org.valise.notification.receipt;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A draft of the acknowledgement-of-receipt note verbale, for a clerk to check and send.
 *
 * @param language the language drafted in: the sender's when it has a bundle and is configured, else en
 * @param trigger REGISTRATION or ACKNOWLEDGEMENT
 * @param addressee the sender, as named in the draft (with its article)
 * @param reference the sender's reference cited, or null
 * @param noteDate the note's date cited, or null
 * @param place the place at the foot
 * @param draftedOn the date at the foot
 * @param text the draft, paragraphs separated by blank lines
 * @param draftedAt when it was drafted
 */
public record ReceiptDraft(String language, String trigger, String addressee, String reference, LocalDate noteDate,
		String place, LocalDate draftedOn, String text, Instant draftedAt) {

	/** Drafted when the registry registers the note. */
	public static final String ON_REGISTRATION = "REGISTRATION";

	/** Drafted when the destination office acknowledges the note. */
	public static final String ON_ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";

}
