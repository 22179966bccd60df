package org.valise.notification.tracking;

import java.time.Instant;

/**
 * A delivery of the note (or of an escalation notice) to one channel of an office, as the tracking view shows it.
 *
 * @param deliveryId stable id (note, routing, purpose, level, channel, address): also the e-mail's Message-ID and the
 * webhook's {@code webhook-id}
 * @param revision the routing revision it belongs to
 * @param purpose NOTE or ESCALATION
 * @param level 0 for the note, the escalation level otherwise
 * @param office the office id
 * @param channel email or webhook
 * @param address where to
 * @param status where it stands
 * @param attempts attempts made
 * @param lastError the last failed attempt's error (at most {@value #MAX_ERROR} characters)
 * @param deliveredAt when the channel accepted it
 * @param failedAt when it was given up
 */
public record Delivery(String deliveryId, int revision, Purpose purpose, int level, String office, String channel,
		String address, DeliveryStatus status, int attempts, String lastError, Instant deliveredAt, Instant failedAt) {

	/** The longest error kept. */
	public static final int MAX_ERROR = 500;

	public Delivery {
		lastError = Texts.bounded(lastError, MAX_ERROR);
	}

	Delivery withStatus(DeliveryStatus status) {
		return new Delivery(this.deliveryId, this.revision, this.purpose, this.level, this.office, this.channel,
				this.address, status, this.attempts, this.lastError, this.deliveredAt, this.failedAt);
	}

	Delivery attempted(int attempts, String error) {
		return new Delivery(this.deliveryId, this.revision, this.purpose, this.level, this.office, this.channel,
				this.address, this.status, attempts, error, this.deliveredAt, this.failedAt);
	}

	Delivery at(Instant deliveredAt, Instant failedAt) {
		return new Delivery(this.deliveryId, this.revision, this.purpose, this.level, this.office, this.channel,
				this.address, this.status, this.attempts, this.lastError, deliveredAt, failedAt);
	}

	/** Whether it is still alive: pending or delivered. */
	boolean alive() {
		return this.status == DeliveryStatus.PENDING || this.status == DeliveryStatus.DELIVERED;
	}

}
