package org.valise.routing.text;

/**
 * Where a term was found in the original text (UTF-16 offsets, end exclusive).
 *
 * @param start the first character
 * @param end one past the last character
 */
public record Span(int start, int end) {

	/** Whether this span lies within the other one and is shorter. */
	public boolean isInside(Span other) {
		return other.start <= this.start && this.end <= other.end && (other.end - other.start) > (this.end - this.start);
	}

	/** Its length in characters. */
	public int length() {
		return this.end - this.start;
	}

}
