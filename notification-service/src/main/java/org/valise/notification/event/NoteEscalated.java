package org.valise.notification.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A note was not acknowledged by its deadline and was escalated one level up ({@code notes.delivery.v1},
 * {@code note-escalated.v1.schema.json}); exactly one per note, routing revision and level.
 *
 * @param noteId the note's id
 * @param registryNumber the registry's number
 * @param revision the routing revision whose deadline passed
 * @param level 1 for the first escalation, then 2, ... up to the head
 * @param destination the office that had to acknowledge
 * @param escalatedTo the office notified at this level
 * @param missedDeadline the deadline that passed
 * @param escalatedAt when
 * @param nextEscalationAt when the next level follows, null at the last one
 * @param priority the note's priority
 * @param note what intake understood of the note
 */
public record NoteEscalated(UUID noteId, String registryNumber, int revision, int level, Office destination,
		Office escalatedTo, Instant missedDeadline, Instant escalatedAt, Instant nextEscalationAt, String priority,
		NoteFields note) {
}
