package org.valise.notification.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The acknowledgement-of-receipt note verbale to a note's sender was drafted ({@code notes.delivery.v1},
 * {@code receipt-drafted.v1.schema.json}).
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number
 * @param language en, fr or es
 * @param trigger REGISTRATION or ACKNOWLEDGEMENT
 * @param addressee the sender as the draft names it
 * @param reference the sender's reference cited, or null
 * @param noteDate the note's date cited, or null
 * @param place the place at the foot of the draft
 * @param draftedOn the date at the foot of the draft
 * @param text the draft
 * @param draftedAt when it was drafted
 */
public record ReceiptDrafted(UUID noteId, String registryNumber, String language, String trigger, String addressee,
		String reference, LocalDate noteDate, String place, LocalDate draftedOn, String text, Instant draftedAt) {
}
