package org.valise.intake.parsing;

/**
 * Where a field came from: character offsets into the parsed text (start inclusive, end exclusive)
 * and the text found there.
 */
public record Span(int start, int end, String text) {
}
