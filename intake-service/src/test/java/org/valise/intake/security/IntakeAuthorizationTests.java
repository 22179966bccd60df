package org.valise.intake.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.intake.IntakeBrokerTest;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every intake route against every kind of caller, through the real HTTP stack: the status each gets is written out
 * here, row by row (not computed from the rules under test), and a route or caller added without its row fails.
 * Also the paths an attacker writes to slip past a prefix check: encoded letters, matrix parameters, dot segments.
 */
@IntakeBrokerTest
class IntakeAuthorizationTests {

	private static final String NOTE = "No. 12/2026\\nThe Permanent Mission of Ruritania presents its compliments.";

	private static final Map<String, String> CALLERS = callers();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private static Map<String, String> callers() {
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("nobody", null);
		callers.put("forged", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsic3VibWl0dGVyIl19.c2lnbmF0dXJl");
		callers.put("expired submitter", TestTokens.expired(Role.SUBMITTER));
		callers.put("submitter", TestTokens.token(Role.SUBMITTER));
		callers.put("clerk", TestTokens.token(Role.CLERK));
		callers.put("office ODG", TestTokens.office("ODG"));
		callers.put("operator", TestTokens.token(Role.OPERATOR));
		callers.put("auditor", TestTokens.token(Role.AUDITOR));
		return callers;
	}

	/** Route, then the status for each caller in the order of {@link #CALLERS}. */
	private static final Map<String, List<Integer>> EXPECTED = Map.of(
			"POST /api/v1/notes", List.of(401, 401, 401, 202, 403, 403, 403, 403),
			"POST /api/v1/notes/parse", List.of(401, 401, 401, 200, 200, 403, 403, 403),
			"GET /api/v1/notes", List.of(401, 401, 401, 405, 405, 403, 403, 403),
			"GET /actuator/prometheus", List.of(401, 401, 401, 403, 403, 403, 403, 403),
			"GET /actuator/health/readiness", List.of(200, 401, 401, 200, 200, 200, 200, 200),
			"GET /asyncapi.yaml", List.of(200, 401, 401, 200, 200, 200, 200, 200),
			"GET /anything/else", List.of(401, 401, 401, 403, 403, 403, 403, 403));

	@Test
	void answersEveryRouteForEveryCallerWithTheStatusOfTheMatrix() throws Exception {
		StringBuilder table = new StringBuilder(String.format("%-32s", "route \\ caller"));
		CALLERS.keySet().forEach((caller) -> table.append(String.format(" %-17s", caller)));
		Map<String, List<Integer>> actual = new LinkedHashMap<>();
		for (String route : EXPECTED.keySet().stream().sorted().toList()) {
			String[] parts = route.split(" ");
			table.append(String.format("%n%-32s", route));
			List<Integer> statuses = new java.util.ArrayList<>();
			for (String token : CALLERS.values()) {
				int status = send(parts[0], parts[1], token).statusCode();
				statuses.add(status);
				table.append(String.format(" %-17d", status));
			}
			actual.put(route, statuses);
		}
		System.out.println(table);
		EXPECTED.forEach((route, statuses) -> assertThat(actual.get(route)).as(route).isEqualTo(statuses));
	}

	@Test
	void refusesEncodedMatrixAndDotSegmentPathsWithoutAToken() throws Exception {
		for (String path : List.of("/%61pi/v1/notes/parse", "/api/v1/notes/%70arse", "/API/v1/notes",
				"/api;x/v1/notes", "/api/v1;x/notes/parse", "/api/v1/notes/parse;jsessionid=1",
				"/api/./v1/notes/parse", "/x/../api/v1/notes/parse", "/api/v1/notes%2Fparse", "//api/v1/notes")) {
			int status = send("POST", path, null).statusCode();
			assertThat(status).as("POST %s without a token", path).isIn(400, 401, 404);
		}
	}

	@Test
	void refusesTheEncodedPathsAlsoToACallerWithoutTheRole() throws Exception {
		String operator = TestTokens.token(Role.OPERATOR);
		for (String path : List.of("/%61pi/v1/notes", "/api/v1/%6eotes/parse")) {
			assertThat(send("POST", path, operator).statusCode()).as("POST %s as an operator", path).isIn(400, 403);
		}
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(NOTE, StandardCharsets.UTF_8));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
