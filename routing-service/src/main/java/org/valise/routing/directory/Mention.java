package org.valise.routing.directory;

import org.valise.routing.text.Span;

/**
 * An office named in a text, by one of its aliases or by the name of its holder at the time.
 *
 * @param office the office
 * @param span where in the text
 * @param quote the words of the text that named it
 */
public record Mention(Office office, Span span, String quote) {
}
