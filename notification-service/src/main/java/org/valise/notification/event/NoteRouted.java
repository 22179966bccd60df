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
 * @param duplicateOf for a DUPLICATE, the note registered first
 * @param revision 1 for the registry's first decision, higher for each manual (re)routing; null read as 1
 * @param decidedBy 'rules' or the clerk who (re)routed the note
 * @param reason why a clerk (re)routed the note, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteRouted(UUID noteId, String registryNumber, Instant registeredAt, Instant routedAt, String outcome,
		Office destination, List<Copy> copies, String priority, Instant acknowledgementDeadline,
		Explanation explanation, Instant receivedAt, NoteFields note, DuplicateOf duplicateOf,
		Integer revision, String decidedBy, String reason) {

	/** Outcome of a note no rule could route: a registry clerk decides. */
	public static final String TRIAGE = "TRIAGE";

	/** Outcome of a note already registered: nothing is delivered. */
	public static final String DUPLICATE = "DUPLICATE";

	/** Whether no rule could route the note and it went to triage. */
	public boolean triaged() {
		return TRIAGE.equals(this.outcome);
	}

	/** Whether the note was already registered (see {@link #duplicateOf()}). */
	public boolean duplicate() {
		return DUPLICATE.equals(this.outcome);
	}

	/** The revision of this decision, 1 when the event does not say. */
	public int revisionOrFirst() {
		return (this.revision != null && this.revision > 0) ? this.revision : 1;
	}

	/**
	 * The note a duplicate repeats.
	 *
	 * @param noteId its id
	 * @param registryNumber its registry number
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record DuplicateOf(UUID noteId, String registryNumber) {
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
