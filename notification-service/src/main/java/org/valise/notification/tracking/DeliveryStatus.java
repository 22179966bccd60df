package org.valise.notification.tracking;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** In the outbox: being sent, or waiting for its next attempt. */
	PENDING,

	/** The channel accepted it. */
	DELIVERED,

	/** Given up (retries exhausted or permanent error); an operator may retry it. */
	FAILED,

	/** A later routing revision replaced it before it was delivered. */
	SUPERSEDED

}
