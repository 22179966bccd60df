package org.valise.routing.clerk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every write to the API ({@code Authorization: Bearer <token>}, a token issued to a registry clerk)
 * and makes the clerk's name the request's principal; anything else gets a 401 problem. Reads stay open.
 */
class ClerkTokenFilter extends OncePerRequestFilter {

	private final Map<String, String> tokensByClerk;

	ClerkTokenFilter(Map<String, String> tokensByClerk) {
		this.tokensByClerk = Map.copyOf(tokensByClerk);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/") || HttpMethod.GET.matches(request.getMethod())
				|| HttpMethod.HEAD.matches(request.getMethod()) || HttpMethod.OPTIONS.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> clerk = bearerToken(request).flatMap(this::clerkOf);
		if (clerk.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"valise\"");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"https://valise.org/problems/unauthenticated\",\"title\":\"Unauthenticated\","
						+ "\"status\":401,\"detail\":\"Send 'Authorization: Bearer <token>' with the token issued to "
						+ "you as a registry clerk\",\"instance\":\"" + request.getRequestURI().replace("\"", "")
						+ "\"}");
			return;
		}
		Principal principal = clerk::get;
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public Principal getUserPrincipal() {
				return principal;
			}
		}, response);
	}

	private static Optional<String> bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		return Optional.of(header.substring(7).trim());
	}

	private Optional<String> clerkOf(String token) {
		byte[] presented = token.getBytes(StandardCharsets.UTF_8);
		return this.tokensByClerk.entrySet()
			.stream()
			.filter(entry -> MessageDigest.isEqual(presented, entry.getValue().getBytes(StandardCharsets.UTF_8)))
			.map(Map.Entry::getKey)
			.findFirst();
	}

}
