package org.valise.intake.note.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Holds text and JSON bodies to UTF-8 (RFC 8259 requires it of JSON; intake requires it of every note): a body that
 * declares another charset is refused before it is read, and every body is read through {@link Utf8Stream}, so that
 * a malformed byte or a NUL is refused instead of being decoded into U+FFFD or read as UTF-16.
 */
@ControllerAdvice(assignableTypes = NoteController.class)
class Utf8Bodies extends RequestBodyAdviceAdapter {

	static final String FIELD = "body";

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		HttpHeaders headers = message.getHeaders();
		requireUtf8(headers.getContentType());
		InputStream body = new Utf8Stream(message.getBody(), FIELD);
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

	/** UTF-8, or US-ASCII (a part of it); no charset means UTF-8. */
	static void requireUtf8(MediaType type) {
		String declared = (type != null) ? type.getParameter("charset") : null;
		if (declared == null) {
			return;
		}
		String name = declared.replace("\"", "").strip();
		Charset charset;
		try {
			charset = Charset.forName(name);
		}
		catch (IllegalArgumentException ex) {
			charset = null;
		}
		if (!StandardCharsets.UTF_8.equals(charset) && !StandardCharsets.US_ASCII.equals(charset)) {
			throw new UnacceptableCharsetException(type.getType() + "/" + type.getSubtype());
		}
	}

}
