package org.valise.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Passes a request on to another instance of the same service (the one holding the Kafka Streams state it needs, or
 * every peer of a fan-out) and relays its answer. The caller's credentials go with it (bearer token, the operator
 * page's cookie and header): the other instance authorises the request as if it had come to it first. A forwarded
 * request carries {@value #FORWARDED_BY} and is never passed on again.
 */
public final class RequestForwarder {

	/** The header of a request an instance passed on. */
	public static final String FORWARDED_BY = "X-Valise-Forwarded-By";

	/** The header asking an instance to answer from its own state only (a fan-out's part). */
	public static final String SCOPE = "X-Valise-Scope";

	/** The value of {@link #SCOPE} for an answer from the instance's own state only. */
	public static final String LOCAL = "local";

	private static final List<String> PASSED_HEADERS = List.of("Authorization", "Content-Type", "Accept", "Cookie",
			"X-Valise-Page", "Idempotency-Key", SCOPE);

	private static final List<String> RELAYED_HEADERS = List.of("Content-Type", "Location", "Retry-After",
			"WWW-Authenticate", "Cache-Control");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final Duration timeout;

	/** @param timeout how long the other instance may take to answer */
	public RequestForwarder(Duration timeout) {
		this.timeout = timeout;
	}

	/** Whether the request was passed on by another instance already (and must be answered here). */
	public static boolean forwarded(HttpServletRequest request) {
		return request.getHeader(FORWARDED_BY) != null;
	}

	/** Whether the request asks for this instance's own state only. */
	public static boolean local(HttpServletRequest request) {
		return LOCAL.equals(request.getHeader(SCOPE));
	}

	/**
	 * Passes the request on to {@code host:port} and writes its answer; a peer that does not answer gives a 503
	 * problem with {@code Retry-After}.
	 */
	public void forward(HttpServletRequest request, HttpServletResponse response, String host, int port)
			throws IOException {
		String query = (request.getQueryString() == null) ? "" : "?" + request.getQueryString();
		HttpRequest.Builder forwarded = HttpRequest
			.newBuilder(URI.create("http://" + host + ":" + port + request.getRequestURI() + query))
			.timeout(this.timeout)
			.header(FORWARDED_BY, request.getLocalAddr() + ":" + request.getLocalPort())
			.method(request.getMethod(), HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()));
		PASSED_HEADERS.forEach((name) -> Optional.ofNullable(request.getHeader(name))
			.ifPresent((value) -> forwarded.header(name, value)));
		try {
			HttpResponse<byte[]> answer = this.http.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
			response.setStatus(answer.statusCode());
			for (String name : RELAYED_HEADERS) {
				answer.headers().firstValue(name).ifPresent((value) -> response.setHeader(name, value));
			}
			response.getOutputStream().write(answer.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			unavailable(response, "Interrupted while asking another instance");
		}
		catch (IOException ex) {
			unavailable(response, "The instance that holds this state did not answer; retry shortly");
		}
	}

	/**
	 * Asks a peer for its own part of a read (the same request, {@value #SCOPE}: {@value #LOCAL}).
	 * @return the peer's answer
	 * @throws IOException when the peer does not answer
	 */
	public HttpResponse<byte[]> askLocal(HttpServletRequest request, String host, int port, String pathAndQuery)
			throws IOException, InterruptedException {
		HttpRequest.Builder asked = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
			.timeout(this.timeout)
			.header(FORWARDED_BY, request.getLocalAddr() + ":" + request.getLocalPort())
			.header(SCOPE, LOCAL)
			.GET();
		for (String name : PASSED_HEADERS) {
			if (!SCOPE.equals(name)) {
				Optional.ofNullable(request.getHeader(name)).ifPresent((value) -> asked.header(name, value));
			}
		}
		return this.http.send(asked.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static void unavailable(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "2");
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"https://valise.org/problems/instance-unavailable\",\"title\":\"Service Unavailable\","
					+ "\"status\":503,\"detail\":\"" + detail + "\"}");
	}

}
