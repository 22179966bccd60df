package org.valise.notification.tracking;

import java.time.Instant;

import org.valise.notification.event.Office;

/**
 * An escalation of the note.
 *
 * @param level 1, 2, ...
 * @param revision the routing revision whose deadline passed
 * @param escalatedTo the office notified
 * @param missedDeadline the deadline that passed
 * @param escalatedAt when
 * @param nextEscalationAt when the next level was due, or null for the last
 */
public record Escalation(int level, int revision, Office escalatedTo, Instant missedDeadline, Instant escalatedAt,
		Instant nextEscalationAt) {
}
