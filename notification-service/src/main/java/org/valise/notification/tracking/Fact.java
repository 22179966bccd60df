package org.valise.notification.tracking;

/** The kinds of fact a note's timeline records. */
public enum Fact {

	RECEIVED, ROUTED, TRIAGE, DUPLICATE, DELIVERED, COPY_DELIVERED, DELIVERY_FAILED, DELIVERY_RETRIED, ESCALATED,
	OVERDUE, ACKNOWLEDGED

}
