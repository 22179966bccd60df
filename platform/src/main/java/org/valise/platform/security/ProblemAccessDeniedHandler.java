package org.valise.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.valise.platform.web.Problems;

/**
 * Answers an authenticated caller whose roles do not allow the request with 403 and a problem saying so.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"valise\", error=\"insufficient_scope\"");
		Problems.write(response, Problems.withError(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your roles do not allow " + request.getMethod() + " on this resource"), HttpHeaders.AUTHORIZATION));
	}

}
