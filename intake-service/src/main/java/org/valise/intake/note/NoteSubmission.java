package org.valise.intake.note;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.valise.intake.parsing.Enclosure;

/**
 * A note submitted as structured JSON by a system that already knows its fields. Fields left out are taken
 * from {@link #text()} when it is given (the parser reads it); fields given win over what the parser finds.
 */
public record NoteSubmission(
		@Pattern(regexp = "note_verbale|letter|other", message = "must be one of note_verbale, letter, other") String docType,
		@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, es") String language,
		@Size(max = 200) String reference, @Size(max = 500) String inReplyTo, LocalDate date,
		@Size(max = 200) String place, @Size(max = 500) String sender, @Size(max = 500) String recipient,
		@Size(max = 200) String recipientHead, @Valid List<Enclosure> enclosures,
		@Size(max = 2000) String requestedAction, Boolean highestDestination, Boolean confidential,
		@Size(max = 500) String subject, String text) {

	boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

}
