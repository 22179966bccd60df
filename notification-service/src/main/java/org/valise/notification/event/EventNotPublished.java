package org.valise.notification.event;

import org.valise.notification.web.Unavailable;

/**
 * Kafka did not acknowledge an event in time: the fact is not recorded and the caller must not report success.
 */
public class EventNotPublished extends Unavailable {

	public EventNotPublished(String message, Throwable cause) {
		super(message, "Kafka did not acknowledge the event; nothing was recorded, retry later", cause);
	}

}
