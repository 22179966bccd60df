package org.valise.notification.tracking;

import java.time.Instant;

/**
 * One fact in the note's life.
 *
 * @param at when the fact happened
 * @param event what kind of fact
 * @param detail a sentence for a clerk, saying also when a late event left the state unchanged
 * @param ceId the event's CloudEvents id (or the command's id)
 */
public record TimelineEntry(Instant at, Fact event, String detail, String ceId) {
}
