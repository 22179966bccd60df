/**
 * The intake service: receives notes verbales over HTTP, understands them and publishes NoteReceived to Kafka.
 */
package org.valise.intake;
