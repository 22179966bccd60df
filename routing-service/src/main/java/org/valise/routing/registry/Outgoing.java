package org.valise.routing.registry;

/**
 * A record the registry desk writes: a NoteRouted event, or a note for the dead-letter topic.
 *
 * @param deadLetter whether it goes to the dead-letter topic
 * @param value the bytes to write
 */
record Outgoing(boolean deadLetter, byte[] value) {
}
