package org.valise.intake.security;

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
 * Authenticates every write to the API with a bearer token issued to a client (a registry, a system), and
 * makes the client's name the request's principal. Reads and the actuator stay open.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String DETAIL = "Send 'Authorization: Bearer <token>' with a token issued to your registry";

	private final Map<String, String> tokensByClient;

	ApiTokenFilter(Map<String, String> tokensByClient) {
		this.tokensByClient = Map.copyOf(tokensByClient);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/") || HttpMethod.GET.matches(request.getMethod())
				|| HttpMethod.HEAD.matches(request.getMethod()) || HttpMethod.OPTIONS.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> client = bearerToken(request).flatMap(this::clientOf);
		if (client.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"valise\"");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"https://valise.org/problems/unauthenticated\",\"title\":\"Unauthenticated\","
						+ "\"status\":401,\"detail\":\"" + DETAIL + "\",\"instance\":\""
						+ request.getRequestURI().replace("\"", "").replace("\\", "") + "\",\"errors\":[{\"field\":\""
						+ HttpHeaders.AUTHORIZATION + "\",\"reason\":\"" + DETAIL + "\"}]}");
			return;
		}
		Principal principal = client::get;
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

	private Optional<String> clientOf(String token) {
		byte[] presented = token.getBytes(StandardCharsets.UTF_8);
		return this.tokensByClient.entrySet()
			.stream()
			.filter((entry) -> MessageDigest.isEqual(presented, entry.getValue().getBytes(StandardCharsets.UTF_8)))
			.map(Map.Entry::getKey)
			.findFirst();
	}

}
