package org.valise.routing.registry;

import java.time.Instant;

import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Priority;

/**
 * A note waiting in triage for a registry clerk ({@code registry-triage} store, keyed by note id).
 *
 * @param noteId the note's id
 * @param registryNumber its registry number
 * @param registeredAt when it was registered
 * @param receivedAt when intake accepted it
 * @param sender the sending entity
 * @param reference the sender's reference
 * @param recipient whom it is addressed to
 * @param subject its subject, or {@code null}
 * @param priority how fast it must be acknowledged
 * @param acknowledgementDeadline by when
 * @param summary why it is in triage
 * @param revision the revision of the decision that put it there
 * @param confidential whether the sender marked the note confidential
 */
public record TriageEntry(String noteId, String registryNumber, Instant registeredAt, Instant receivedAt,
		String sender, String reference, String recipient, String subject, Priority priority,
		Instant acknowledgementDeadline, String summary, int revision, boolean confidential) {

	static TriageEntry of(NoteRouted routed) {
		return new TriageEntry(routed.noteId(), routed.registryNumber(), routed.registeredAt(), routed.receivedAt(),
				routed.note().sender(), routed.note().reference(), routed.note().recipient(), routed.note().subject(),
				routed.priority(), routed.acknowledgementDeadline(), routed.explanation().summary(), routed.revision(),
				routed.note().confidential());
	}

	/** The entry without what was read from the note: its registry facts only. */
	public TriageEntry registryFactsOnly() {
		return new TriageEntry(this.noteId, this.registryNumber, this.registeredAt, this.receivedAt, null, null, null,
				null, this.priority, this.acknowledgementDeadline, Explanation.WITHHELD, this.revision, this.confidential);
	}

}
