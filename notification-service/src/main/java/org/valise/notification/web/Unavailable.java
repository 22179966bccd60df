package org.valise.notification.web;

/**
 * Something the answer needs is away for a while (Kafka not acknowledging an event, a store starting or
 * rebalancing): answered 503 with {@code Retry-After}, the {@link #publicDetail() detail} a caller may read, the
 * cause only in the log. The packages that meet such a moment throw a subclass of their own.
 */
public abstract class Unavailable extends RuntimeException {

	private final String publicDetail;

	protected Unavailable(String message, String publicDetail, Throwable cause) {
		super(message, cause);
		this.publicDetail = publicDetail;
	}

	/** What the 503 says: nothing of the cause. */
	public String publicDetail() {
		return this.publicDetail;
	}

}
