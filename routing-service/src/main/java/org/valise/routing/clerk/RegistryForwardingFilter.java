package org.valise.routing.clerk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.valise.routing.registry.streams.RegistryQueries;

/**
 * With several routing instances, the registry desk's stores live on one of them: a clerk's request reaching
 * another instance is passed on to that one (found through Kafka Streams' {@code application.server} metadata)
 * and its answer returned as is. A request is passed on once at most.
 */
class RegistryForwardingFilter extends OncePerRequestFilter {

	static final String FORWARDED = "X-Valise-Forwarded-By";

	private static final List<String> PATHS = List.of("/api/v1/triage", "/api/v1/notes/", "/api/v1/routing/preview");

	private static final List<String> PASSED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
			HttpHeaders.ACCEPT);

	private final RegistryQueries queries;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	RegistryForwardingFilter(RegistryQueries queries) {
		this.queries = queries;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(FORWARDED) != null
				|| PATHS.stream().noneMatch(path -> request.getRequestURI().startsWith(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<HostInfo> owner = this.queries.remoteOwner();
		if (owner.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
		HttpRequest.Builder forwarded = HttpRequest
			.newBuilder(URI.create("http://" + owner.get().host() + ":" + owner.get().port() + request.getRequestURI()
					+ query))
			.timeout(Duration.ofSeconds(30))
			.header(FORWARDED, request.getLocalAddr() + ":" + request.getLocalPort())
			.method(request.getMethod(), HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()));
		PASSED_HEADERS.forEach(name -> Optional.ofNullable(request.getHeader(name))
			.ifPresent(value -> forwarded.header(name, value)));
		try {
			HttpResponse<byte[]> answer = this.http.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
			response.setStatus(answer.statusCode());
			for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
					HttpHeaders.WWW_AUTHENTICATE)) {
				answer.headers().firstValue(name).ifPresent(value -> response.setHeader(name, value));
			}
			response.getOutputStream().write(answer.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException("Interrupted while asking the registry desk's instance", ex);
		}
		catch (IOException ex) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, "2");
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"https://valise.org/problems/registry-unavailable\",\"title\":\"Service Unavailable\","
						+ "\"status\":503,\"detail\":\"The instance that runs the registry desk did not answer\"}");
		}
	}

}
