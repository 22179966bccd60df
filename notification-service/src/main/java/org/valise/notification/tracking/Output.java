package org.valise.notification.tracking;

/**
 * A record the tracking topology writes, with its topic: an event on {@code notes.delivery.v1} or a command result.
 *
 * @param topic where it goes
 * @param value its JSON
 */
record Output(String topic, String value) {
}
