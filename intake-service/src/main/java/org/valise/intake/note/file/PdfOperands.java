package org.valise.intake.note.file;

import java.io.IOException;

import org.apache.pdfbox.io.RandomAccessRead;

/**
 * Checks a content stream (of a page or a form) before PDFBox runs it: PDFBox keeps every operand until their
 * operator comes, as objects some twenty-five times the size of their bytes, so 8 MB of {@code () () () …} without
 * an operator take 200 MB of heap. A content stream whose operators take more than {@value #MAX_OPERANDS} operands
 * (array and dictionary elements included) is refused; real operators take a handful, a line of kerned text a few
 * hundred.
 * <p>
 * The check lexes the bytes without keeping anything: strings, hex strings, names, numbers, keywords, arrays,
 * dictionaries, comments, and the binary data of inline images ({@code BI … ID … EI}).
 */
final class PdfOperands {

	static final int MAX_OPERANDS = 10_000;

	private static final int BUFFER = 8192;

	private final RandomAccessRead in;

	private final byte[] buffer = new byte[BUFFER];

	private int length;

	private int position;

	private int operands;

	private final StringBuilder keyword = new StringBuilder(8);

	private PdfOperands(RandomAccessRead in) {
		this.in = in;
	}

	/**
	 * @param contents the decoded content stream; read to its end, not closed
	 * @return {@code true} if no operator takes more than {@value #MAX_OPERANDS} operands
	 */
	static boolean withinLimit(RandomAccessRead contents) throws IOException {
		return new PdfOperands(contents).scan();
	}

	private boolean scan() throws IOException {
		int c;
		while ((c = next()) >= 0) {
			switch (c) {
				case 0, '\t', '\n', '\f', '\r', ' ', '{', '}', ']', ')' -> {
				}
				case '%' -> skipComment();
				case '(' -> {
					skipString();
					operand();
				}
				case '<' -> {
					if (peek() == '<') {
						next();
					}
					else {
						skipUntil('>');
					}
					operand();
				}
				case '>', '[' -> {
					if (c == '>' && peek() == '>') {
						next();
					}
				}
				case '/' -> {
					skipRegular();
					operand();
				}
				default -> {
					if (!regular(c)) {
						continue;
					}
					readKeyword(c);
					if (isOperand(this.keyword)) {
						operand();
					}
					else if (isKeyword(this.keyword, "ID")) {
						skipInlineImage();
						this.operands = 0;
					}
					else {
						this.operands = 0;
					}
				}
			}
			if (this.operands > MAX_OPERANDS) {
				return false;
			}
		}
		return true;
	}

	private void operand() {
		this.operands++;
	}

	private void skipComment() throws IOException {
		int c;
		while ((c = next()) >= 0 && c != '\n' && c != '\r') {
			// a comment runs to the end of the line
		}
	}

	/** A literal string: balanced parentheses, backslash escapes. */
	private void skipString() throws IOException {
		int depth = 1;
		int c;
		while (depth > 0 && (c = next()) >= 0) {
			if (c == '\\') {
				next();
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
		}
	}

	private void skipUntil(int end) throws IOException {
		int c;
		while ((c = next()) >= 0 && c != end) {
			// hex digits
		}
	}

	private void skipRegular() throws IOException {
		while (peek() >= 0 && regular(peek())) {
			next();
		}
	}

	private void readKeyword(int first) throws IOException {
		this.keyword.setLength(0);
		this.keyword.append((char) first);
		while (peek() >= 0 && regular(peek())) {
			int c = next();
			if (this.keyword.length() < 16) {
				this.keyword.append((char) c);
			}
		}
	}

	/** After {@code ID} and one white-space byte, the image data runs to {@code EI} between white space. */
	private void skipInlineImage() throws IOException {
		next();
		int previous = ' ';
		int c;
		while ((c = next()) >= 0) {
			if (c == 'E' && white(previous) && peek() == 'I') {
				next();
				int after = peek();
				if (after < 0 || white(after)) {
					return;
				}
			}
			previous = c;
		}
	}

	private static boolean isOperand(CharSequence token) {
		char first = token.charAt(0);
		if (first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9')) {
			return true;
		}
		return isKeyword(token, "true") || isKeyword(token, "false") || isKeyword(token, "null");
	}

	private static boolean isKeyword(CharSequence token, String keyword) {
		return token.length() == keyword.length() && token.toString().equals(keyword);
	}

	private static boolean white(int c) {
		return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
	}

	private static boolean regular(int c) {
		return !white(c) && "()<>[]{}/%".indexOf(c) < 0;
	}

	private int next() throws IOException {
		if (this.position == this.length && !fill()) {
			return -1;
		}
		return this.buffer[this.position++] & 0xFF;
	}

	private int peek() throws IOException {
		if (this.position == this.length && !fill()) {
			return -1;
		}
		return this.buffer[this.position] & 0xFF;
	}

	private boolean fill() throws IOException {
		int n = this.in.read(this.buffer, 0, BUFFER);
		if (n <= 0) {
			return false;
		}
		this.length = n;
		this.position = 0;
		return true;
	}

}
