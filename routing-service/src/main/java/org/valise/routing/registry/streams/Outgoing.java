package org.valise.routing.registry.streams;

/**
 * A record the registry desk writes: a NoteRouted event, or a record for the dead-letter topic.
 *
 * @param deadLetter whether it goes to the dead-letter topic
 * @param value the bytes to write
 */
record Outgoing(boolean deadLetter, byte[] value) {
}
