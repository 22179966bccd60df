package org.valise.notification.tracking;

import java.time.Instant;

/**
 * A routing decision taken into account.
 *
 * @param revision its revision
 * @param outcome ROUTED, TRIAGE or DUPLICATE
 * @param destination the office id
 * @param decidedBy 'rules' or a clerk
 * @param reason a clerk's reason
 * @param routedAt when
 */
public record Revision(int revision, RoutingOutcome outcome, String destination, String decidedBy, String reason,
		Instant routedAt) {
}
