package org.valise.notification.event;

/**
 * Kafka did not acknowledge an event in time: the fact is not recorded and the caller must not report success.
 */
public class EventNotPublished extends RuntimeException {

	public EventNotPublished(String message, Throwable cause) {
		super(message, cause);
	}

}
