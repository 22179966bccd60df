package org.valise.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Names the part of a request at fault when Spring MVC itself refuses it (wrong method, content type, missing
 * header, …), for the {@code errors} of the problem response.
 */
public final class RefusedFields {

	private RefusedFields() {
	}

	/** The name of the header in Spring Security's "the header: \"Name\" has a value …", if it is a plain name. */
	public static String rejectedHeader(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		String prefix = "the header: \"";
		int start = message.indexOf(prefix);
		int end = (start < 0) ? -1 : message.indexOf('"', start + prefix.length());
		if (end < 0) {
			return null;
		}
		String name = message.substring(start + prefix.length(), end).strip();
		return name.matches("[A-Za-z0-9-]{1,64}") ? name : null;
	}

	public static String of(Exception ex) {
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return HttpHeaders.CONTENT_TYPE;
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return HttpHeaders.ACCEPT;
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return "method";
		}
		if (ex instanceof MissingServletRequestPartException missing) {
			return missing.getRequestPartName();
		}
		if (ex instanceof MissingRequestHeaderException missing) {
			return missing.getHeaderName();
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return missing.getParameterName();
		}
		if (ex instanceof NoResourceFoundException) {
			return "path";
		}
		return "request";
	}

}
