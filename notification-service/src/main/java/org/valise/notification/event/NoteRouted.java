package org.valise.notification.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The registry registered a note and decided where it goes, or sent it to triage ({@code notes.routed.v1},
 * {@code note-routed.v1.schema.json}).
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number, e.g. IN/2026/000001
 * @param registeredAt when it was registered
 * @param routedAt when the routing was decided
 * @param outcome ROUTED or TRIAGE
 * @param destination the office that must act and acknowledge
 * @param copies offices in copy
 * @param priority NORMAL, HIGH or URGENT
 * @param acknowledgementDeadline when the destination must have acknowledged
 * @param explanation why this destination
 * @param receivedAt when intake accepted the note
 * @param note what intake understood of it
 * @param text the full text, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteRouted(UUID noteId, String registryNumber, Instant registeredAt, Instant routedAt, String outcome,
		Office destination, List<Copy> copies, String priority, Instant acknowledgementDeadline,
		Explanation explanation, Instant receivedAt, NoteFields note, String text) {

	/** Outcome of a note no rule could route: a registry clerk decides. */
	public static final String TRIAGE = "TRIAGE";

	/** Whether no rule could route the note and it went to triage. */
	public boolean triaged() {
		return TRIAGE.equals(this.outcome);
	}

	/**
	 * An office in copy.
	 *
	 * @param office the office
	 * @param purpose ACTION or INFORMATION
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Copy(Office office, String purpose) {
	}

	/**
	 * Why the destination was chosen.
	 *
	 * @param rule id of the rule that fired
	 * @param summary one sentence a clerk can read
	 * @param evidence text quoted from the note
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Explanation(String rule, String summary, List<String> evidence) {
	}

}
