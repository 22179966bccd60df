package org.valise.intake.note.web;

import java.net.URI;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.platform.security.TrustTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The rate limit of submissions in the running application: after Spring Security (a client is the caller its token
 * names), before anything is read, per client, on {@code POST /api/v1/notes} however its path is spelt. No broker:
 * the submissions here are refused (400) or limited (429) before anything is published.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
		"valise.intake.rate-limit.requests=3", "valise.intake.rate-limit.per=1h" })
@AutoConfigureMockMvc
@TrustTestTokens
class SubmissionRateLimitTests {

	private static final String REGISTRY = TestTokens.token("rate-registry", Role.SUBMITTER, null);

	private static final String MISSION_DESK = TestTokens.token("rate-mission-desk", Role.SUBMITTER, null);

	private static final String CLERK = TestTokens.token("rate-clerk", Role.CLERK, null);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Test
	void limitsAClientToItsSubmissionsPerPeriodThenAnswers429WithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(submit("/api/v1/notes", REGISTRY).getResponse().getStatus()).isEqualTo(400);
		}

		MvcResult limited = submit("/api/v1/notes", REGISTRY);

		assertThat(limited.getResponse().getStatus()).isEqualTo(429);
		assertThat(limited.getResponse().getContentType()).startsWith("application/problem+json");
		long retryAfter = Long.parseLong(limited.getResponse().getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1190L, 1200L);
		JsonNode problem = this.json.readTree(limited.getResponse().getContentAsString());
		assertThat(problem.get("type").asString()).isEqualTo("https://valise.org/problems/rate-limited");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("detail").asString()).contains("more than 3 submissions per 60 minutes")
			.contains("submit again in " + retryAfter + " s");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("request");
		assertThat(submit("/api/v1/note%73", REGISTRY).getResponse().getStatus()).as("an encoded path").isEqualTo(429);
	}

	@Test
	void countsEachClientOnItsOwnAndOnlyItsSubmissions() throws Exception {
		for (int i = 0; i < 3; i++) {
			submit("/api/v1/notes", MISSION_DESK);
		}

		assertThat(submit("/api/v1/notes", MISSION_DESK).getResponse().getStatus()).isEqualTo(429);
		assertThat(submit("/api/v1/notes/parse", MISSION_DESK).getResponse().getStatus()).isEqualTo(400);
		assertThat(submit("/api/v1/notes", TestTokens.token("rate-another", Role.SUBMITTER, null)).getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void limitsNobodyBeforeSpringSecurityHasSaidWhoItIs() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(submit("/api/v1/notes", null).getResponse().getStatus()).isEqualTo(401);
			assertThat(submit("/api/v1/notes", CLERK).getResponse().getStatus()).isEqualTo(403);
		}
	}

	/** An empty text body: refused with 400 once admitted, without publishing anything. */
	private MvcResult submit(String path, String token) throws Exception {
		var request = post(URI.create(path)).contentType(MediaType.TEXT_PLAIN).content(" ");
		if (token != null) {
			request.header("Authorization", TestTokens.bearer(token));
		}
		return this.mvc.perform(request).andReturn();
	}

}
