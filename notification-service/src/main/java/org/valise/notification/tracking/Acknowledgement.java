package org.valise.notification.tracking;

import java.time.Instant;

/**
 * An acknowledgement of the note.
 *
 * @param office the office id
 * @param acknowledgedBy who acknowledged
 * @param acknowledgedAt when
 * @param comment optional comment
 * @param revision the routing revision acknowledged
 * @param via api or link
 * @param tokenId the signed link's id, when acknowledged by link
 */
public record Acknowledgement(String office, String acknowledgedBy, Instant acknowledgedAt, String comment,
		int revision, String via, String tokenId) {
}
