package org.valise.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.valise.platform.web.Problems;

/**
 * Answers a request without valid credentials with 401, the {@code WWW-Authenticate} challenge of RFC 6750, and a
 * problem saying what to send (never echoing the token).
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String HOW = "send Authorization: Bearer <token> (a token of your organisation's identity provider; "
			+ "on the local run: ./valise token <role> [office])";

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	ProblemAuthenticationEntryPoint() {
		this.challenge.setRealmName("valise");
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.challenge.commence(request, response, ex);
		String detail = (ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null)
				? "The bearer token was refused (" + oauth.getError().getDescription().replaceAll("\\p{Cntrl}", " ")
						+ "): " + HOW
				: "Authentication is required: " + HOW;
		Problems.write(response, Problems.withError(
				Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail),
				HttpHeaders.AUTHORIZATION));
	}

}
