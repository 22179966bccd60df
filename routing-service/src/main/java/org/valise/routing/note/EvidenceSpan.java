package org.valise.routing.note;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The span of the note's text a field was read from (UTF-16 offsets, end exclusive).
 *
 * @param start first character
 * @param end one past the last character
 * @param text the characters of the span
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceSpan(int start, int end, String text) {
}
