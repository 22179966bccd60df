package org.valise.routing.directory;

/**
 * A way an office receives notes.
 *
 * @param type {@code email} or {@code webhook}
 * @param address an e-mail address or an https URL
 */
public record Channel(String type, String address) {
}
