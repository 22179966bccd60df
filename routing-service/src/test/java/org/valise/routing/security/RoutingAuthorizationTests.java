package org.valise.routing.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.routing.BrokerTestSupport;
import org.valise.routing.SampleNoteEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every routing route against every kind of caller, for a confidential and an ordinary note: the statuses are
 * written out row by row; then what an auditor sees of a confidential note (its registry facts, not its content).
 */
class RoutingAuthorizationTests extends BrokerTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> CALLERS = callers();

	private String ordinary;

	private String confidential;

	private static Map<String, String> callers() {
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("nobody", null);
		callers.put("submitter", TestTokens.token(Role.SUBMITTER));
		callers.put("clerk", TestTokens.token(Role.CLERK));
		callers.put("office ODG", TestTokens.office("ODG"));
		callers.put("operator", TestTokens.token(Role.OPERATOR));
		callers.put("auditor", TestTokens.token(Role.AUDITOR));
		return callers;
	}

	@BeforeAll
	void registerTwoNotes() {
		this.ordinary = send(SampleNoteEvents.get("seed-cambodia-iom-2021-01-105.txt"));
		this.confidential = send(SampleNoteEvents.get("dev-11-australia-confidential-contribution.txt"));
		awaitRouted(this.ordinary);
		awaitRouted(this.confidential);
	}

	@Test
	void answersEveryRouteForEveryCallerWithTheStatusOfTheMatrix() {
		String unknown = UUID.randomUUID().toString();
		// route -> statuses for: nobody, submitter, clerk, office ODG, operator, auditor
		Map<String, List<Integer>> expected = new LinkedHashMap<>();
		expected.put("GET /api/v1/triage", List.of(401, 403, 200, 403, 403, 200));
		expected.put("GET /api/v1/notes/" + this.ordinary + "/routing", List.of(401, 403, 200, 403, 403, 200));
		expected.put("GET /api/v1/notes/" + this.confidential + "/routing", List.of(401, 403, 200, 403, 403, 200));
		expected.put("POST /api/v1/notes/" + unknown + "/routing", List.of(401, 403, 404, 403, 403, 403));
		expected.put("POST /api/v1/routing/preview", List.of(401, 403, 400, 403, 403, 403));
		expected.put("GET /api/v1/directory", List.of(401, 403, 200, 403, 200, 200));
		expected.put("DELETE /api/v1/directory", List.of(401, 403, 405, 403, 403, 405));
		expected.put("GET /actuator/prometheus", List.of(401, 403, 403, 403, 403, 403));
		expected.put("GET /actuator/health/readiness", List.of(200, 200, 200, 200, 200, 200));

		Map<String, List<Integer>> actual = new LinkedHashMap<>();
		StringBuilder table = new StringBuilder();
		expected.keySet().forEach((route) -> {
			List<Integer> statuses = new ArrayList<>();
			CALLERS.values().forEach((token) -> statuses.add(call(route, token).getResponse().getStatus()));
			actual.put(route, statuses);
			table.append(String.format("%-70s %s%n", route, statuses));
		});
		System.out.print("callers: " + CALLERS.keySet() + "\n" + table);
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void showsAnAuditorAConfidentialNotesDecisionsWithoutWhatTheyQuoteOfIt() throws Exception {
		JsonNode auditor = body(call("GET /api/v1/notes/" + this.confidential + "/routing",
				TestTokens.token(Role.AUDITOR)));
		JsonNode clerk = body(call("GET /api/v1/notes/" + this.confidential + "/routing", TestTokens.token(Role.CLERK)));
		JsonNode ordinaryForAuditor = body(call("GET /api/v1/notes/" + this.ordinary + "/routing",
				TestTokens.token(Role.AUDITOR)));

		assertThat(clerk.at("/decisions/0/explanation/evidence")).isNotEmpty();
		assertThat(auditor.path("confidential").asBoolean()).isTrue();
		assertThat(auditor.at("/decisions/0/explanation/evidence")).isEmpty();
		assertThat(auditor.at("/decisions/0/explanation/summary").asString()).startsWith("(withheld");
		assertThat(auditor.at("/decisions/0/destination/id").asString())
			.isEqualTo(clerk.at("/decisions/0/destination/id").asString());
		assertThat(auditor.path("registryNumber").asString()).isEqualTo(clerk.path("registryNumber").asString());
		assertThat(ordinaryForAuditor.at("/decisions/0/explanation/evidence")).isNotEmpty();
	}

	private MvcTestResult call(String route, String token) {
		String[] parts = route.split(" ");
		var request = switch (parts[0]) {
			case "GET" -> this.mvc.get();
			case "POST" -> this.mvc.post().contentType(MediaType.APPLICATION_JSON).content("{}");
			case "DELETE" -> this.mvc.delete();
			default -> throw new IllegalArgumentException(route);
		};
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.uri(parts[1]).exchange();
	}

	private static JsonNode body(MvcTestResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return JSON.readTree(result.getResponse().getContentAsString());
	}

}
