package org.valise.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.valise.platform.web.Problems;

/**
 * Answers a request without valid credentials with 401, the {@code WWW-Authenticate} challenge of RFC 6750
 * ({@code Bearer realm="valise"}, with {@code error="invalid_token"} when a token was refused), and a problem saying
 * what to send (never echoing the token).
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String HOW = "send Authorization: Bearer <token> (a token of your organisation's identity provider; "
			+ "on the local run: ./valise token <role> [office])";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean refused = ex instanceof OAuth2AuthenticationException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				refused ? "Bearer realm=\"valise\", error=\"invalid_token\"" : "Bearer realm=\"valise\"");
		String reason = refused ? ((OAuth2AuthenticationException) ex).getError().getDescription() : null;
		String detail = refused ? "The bearer token was refused"
				+ ((reason != null) ? " (" + reason.replaceAll("[\\p{Cntrl}\"]", " ") + ")" : "") + ": " + HOW
				: "Authentication is required: " + HOW;
		Problems.write(response, Problems.withError(
				Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail),
				HttpHeaders.AUTHORIZATION));
	}

}
