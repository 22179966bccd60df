package org.valise.intake.note.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.valise.intake.note.InvalidNoteException;

/**
 * Reads a body through while checking that it is well-formed UTF-8 without NUL bytes (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF), and fails at the first byte that is not — so that whatever decodes the
 * body next (the text converter, Jackson) never sees a byte it could replace with U+FFFD or read as UTF-16.
 */
final class Utf8Stream extends FilterInputStream {

	private final String field;

	private long offset;

	/** Continuation bytes still expected in the current character. */
	private int pending;

	/** The range the next continuation byte must fall in (narrower after E0, ED, F0 and F4). */
	private int lower = 0x80;

	private int upper = 0xBF;

	Utf8Stream(InputStream in, String field) {
		super(in);
		this.field = field;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b < 0) {
			ended();
		}
		else {
			check(b);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n < 0) {
			ended();
		}
		for (int i = 0; i < n; i++) {
			check(buffer[offset + i] & 0xFF);
		}
		return n;
	}

	/** Skipped bytes are read and checked like any other. */
	@Override
	public long skip(long n) throws IOException {
		byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
		long skipped = 0;
		while (skipped < n) {
			int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
			if (read < 0) {
				break;
			}
			skipped += read;
		}
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	@Override
	public synchronized void mark(int limit) {
	}

	@Override
	public synchronized void reset() throws IOException {
		throw new IOException("mark/reset not supported");
	}

	private void check(int b) {
		if (this.pending > 0) {
			if (b < this.lower || b > this.upper) {
				refuse(b);
			}
			this.pending--;
			this.lower = 0x80;
			this.upper = 0xBF;
		}
		else if (b == 0) {
			throw new InvalidNoteException(this.field, "contains a NUL byte (at offset " + this.offset
					+ "), so it is not UTF-8 text (UTF-16?): send the note in UTF-8");
		}
		else if (b >= 0x80) {
			lead(b);
		}
		this.offset++;
	}

	private void lead(int b) {
		if (b >= 0xC2 && b <= 0xDF) {
			expect(1, 0x80, 0xBF);
		}
		else if (b == 0xE0) {
			expect(2, 0xA0, 0xBF);
		}
		else if (b == 0xED) {
			expect(2, 0x80, 0x9F);
		}
		else if (b >= 0xE1 && b <= 0xEF) {
			expect(2, 0x80, 0xBF);
		}
		else if (b == 0xF0) {
			expect(3, 0x90, 0xBF);
		}
		else if (b >= 0xF1 && b <= 0xF3) {
			expect(3, 0x80, 0xBF);
		}
		else if (b == 0xF4) {
			expect(3, 0x80, 0x8F);
		}
		else {
			refuse(b);
		}
	}

	private void expect(int continuations, int lower, int upper) {
		this.pending = continuations;
		this.lower = lower;
		this.upper = upper;
	}

	private void ended() {
		if (this.pending > 0) {
			throw new InvalidNoteException(this.field,
					"is not valid UTF-8: it ends in the middle of a character: send the note in UTF-8");
		}
	}

	private void refuse(int b) {
		throw new InvalidNoteException(this.field, "is not valid UTF-8 (invalid byte 0x" + String.format("%02X", b)
				+ " at offset " + this.offset + "): send the note in UTF-8");
	}

}
