package org.valise.intake.note.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.NoteTooLargeException;

/**
 * Holds text and JSON bodies to {@code valise.intake.max-note-size}: refuses a body whose Content-Length is over the
 * limit before reading it, and counts the bytes of any other body (chunked, or with a lying Content-Length) while
 * it is read, so that no oversized note is ever buffered whole.
 */
@ControllerAdvice(assignableTypes = NoteController.class)
class NoteBodyLimit extends RequestBodyAdviceAdapter {

	static final String FIELD = "body";

	private final DataSize limit;

	NoteBodyLimit(IntakeLimits limits) {
		this.limit = limits.maxNoteSize();
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		if (message.getHeaders().getContentLength() > this.limit.toBytes()) {
			throw new NoteTooLargeException(FIELD, this.limit);
		}
		InputStream body = new CountingStream(message.getBody(), this.limit);
		HttpHeaders headers = message.getHeaders();
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	/** Fails as soon as more than the limit has been read. */
	private static final class CountingStream extends FilterInputStream {

		private final DataSize limit;

		private long count;

		CountingStream(InputStream in, DataSize limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			counted(skipped);
			return skipped;
		}

		private void counted(long n) {
			this.count += n;
			if (this.count > this.limit.toBytes()) {
				throw new NoteTooLargeException(FIELD, this.limit);
			}
		}

	}

}
