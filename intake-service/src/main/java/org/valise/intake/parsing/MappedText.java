package org.valise.intake.parsing;

import java.util.Arrays;

/**
 * A working copy of the input that remembers, for each of its characters, the range of the input it came from.
 */
final class MappedText {

	private final String source;

	private final String text;

	private final int[] starts;

	private final int[] ends;

	private MappedText(String source, String text, int[] starts, int[] ends) {
		this.source = source;
		this.text = text;
		this.starts = starts;
		this.ends = ends;
	}

	static MappedText of(String source) {
		int n = source.length();
		int[] starts = new int[n];
		int[] ends = new int[n];
		for (int i = 0; i < n; i++) {
			starts[i] = i;
			ends[i] = i + 1;
		}
		return new MappedText(source, source, starts, ends);
	}

	String source() {
		return this.source;
	}

	String text() {
		return this.text;
	}

	int length() {
		return this.text.length();
	}

	/**
	 * The span of the original input behind {@code text[from, to)}, trimmed of surrounding whitespace.
	 * @return the span, or {@code null} when the range holds only whitespace
	 */
	Span span(int from, int to) {
		int a = Math.max(0, from);
		int b = Math.min(to, this.text.length());
		while (a < b && Character.isWhitespace(this.text.charAt(a))) {
			a++;
		}
		while (b > a && Character.isWhitespace(this.text.charAt(b - 1))) {
			b--;
		}
		if (a >= b) {
			return null;
		}
		int start = this.starts[a];
		int end = this.ends[b - 1];
		return new Span(start, end, this.source.substring(start, end));
	}

	MappedText slice(int from, int to) {
		return new MappedText(this.source, this.text.substring(from, to), Arrays.copyOfRange(this.starts, from, to),
				Arrays.copyOfRange(this.ends, from, to));
	}

	Builder builder() {
		return new Builder(this, this.text.length() + 16);
	}

	/** A builder for a text of about that many characters (a paragraph of a long document). */
	Builder builder(int capacity) {
		return new Builder(this, capacity);
	}

	/** Builds a new mapped text out of the characters of a base mapped text. */
	static final class Builder {

		private final MappedText base;

		private char[] text;

		private int[] starts;

		private int[] ends;

		private int size;

		Builder(MappedText base, int capacity) {
			this.base = base;
			this.text = new char[capacity];
			this.starts = new int[capacity];
			this.ends = new int[capacity];
		}

		Builder keep(int i) {
			return put(this.base.text.charAt(i), this.base.starts[i], this.base.ends[i]);
		}

		Builder keep(int from, int to) {
			int n = to - from;
			if (n <= 0) {
				return this;
			}
			ensure(this.size + n);
			this.base.text.getChars(from, to, this.text, this.size);
			System.arraycopy(this.base.starts, from, this.starts, this.size, n);
			System.arraycopy(this.base.ends, from, this.ends, this.size, n);
			this.size += n;
			return this;
		}

		/** Replaces {@code base[from, to)} by the given text, mapped char by char when lengths agree. */
		Builder replace(int from, int to, String replacement) {
			int n = replacement.length();
			for (int k = 0; k < n; k++) {
				if (n == to - from) {
					put(replacement.charAt(k), this.base.starts[from + k], this.base.ends[from + k]);
				}
				else {
					put(replacement.charAt(k), this.base.starts[from], this.base.ends[to - 1]);
				}
			}
			return this;
		}

		int size() {
			return this.size;
		}

		MappedText build() {
			return new MappedText(this.base.source, new String(this.text, 0, this.size), Arrays.copyOf(this.starts, this.size),
					Arrays.copyOf(this.ends, this.size));
		}

		private void ensure(int capacity) {
			if (capacity > this.starts.length) {
				int grown = Math.max(capacity, this.starts.length * 2 + 16);
				this.text = Arrays.copyOf(this.text, grown);
				this.starts = Arrays.copyOf(this.starts, grown);
				this.ends = Arrays.copyOf(this.ends, grown);
			}
		}

		private Builder put(char c, int start, int end) {
			ensure(this.size + 1);
			this.text[this.size] = c;
			this.starts[this.size] = start;
			this.ends[this.size] = end;
			this.size++;
			return this;
		}

	}

}
