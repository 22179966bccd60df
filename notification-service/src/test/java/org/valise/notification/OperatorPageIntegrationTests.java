package org.valise.notification;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the operator page is made of: the page itself (locked down), the overview it polls (counts per state, notes
 * awaiting acknowledgement with the time left or over, the flow), and the backlog gauges scraped from the same
 * tracking views.
 */
class OperatorPageIntegrationTests extends BrokerTestSupport {

	@Test
	void answersABrowserWithoutATokenWithTheSignInFormAndA401() throws Exception {
		HttpResponse<String> page = get("/", null);
		HttpResponse<String> script = get("/operator.js", null);
		HttpResponse<String> overview = get("/api/v1/overview", null);

		assertThat(page.statusCode()).isEqualTo(401);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<form method=\"post\" action=\"sign-in\">", "./valise token operator")
			.doesNotContain("api/v1/");
		assertThat(script.statusCode()).isEqualTo(401);
		assertThat(overview.statusCode()).isEqualTo(401);
		assertThat(overview.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void signsABrowserInWithAValidTokenKeptInAnHttpOnlyStrictCookieAndRefusesAForgedOne() throws Exception {
		String operator = TestTokens.token(Role.OPERATOR);

		HttpResponse<String> signedIn = post("/sign-in", null, "application/x-www-form-urlencoded",
				"token=" + operator, null);
		HttpResponse<String> forged = post("/sign-in", null, "application/x-www-form-urlencoded",
				"token=" + TestTokens.expired(Role.OPERATOR), null);

		assertThat(signedIn.statusCode()).isEqualTo(303);
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
		String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("valise_token=" + operator).contains("HttpOnly", "SameSite=Strict", "Path=/");
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/"))
			.header("Cookie", "valise_token=" + operator)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Valise — operator</title>");
	}

	@Test
	void takesTheSessionCookieForAWriteOnlyWithThePagesOwnHeader() throws Exception {
		String request = "/api/v1/notes/" + java.util.UUID.randomUUID() + "/deliveries/any/retry";
		String cookie = "valise_token=" + TestTokens.token(Role.OPERATOR);

		HttpResponse<String> forgedFromElsewhere = http.send(HttpRequest.newBuilder(uri(request))
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> fromThePage = http.send(HttpRequest.newBuilder(uri(request))
			.header("Cookie", cookie)
			.header("X-Valise-Page", "1")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(forgedFromElsewhere.statusCode()).isEqualTo(401);
		assertThat(fromThePage.statusCode()).isEqualTo(404);
	}

	@Test
	void servesTheOperatorPageWithItsScriptsAndNoOtherOrigin() throws Exception {
		HttpResponse<String> page = get("/");
		HttpResponse<String> script = get("/operator.js");
		HttpResponse<String> style = get("/operator.css");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<title>Valise — operator</title>", "src=\"operator.js\"",
				"<label for=\"ack-token\">Office token</label>").doesNotContain("http://", "https://");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("api/v1/overview").doesNotContain("localStorage", "sessionStorage",
				"document.cookie", "innerHTML");
		assertThat(style.statusCode()).isEqualTo(200);
	}

	@Test
	void overviewCountsTheNotesAndListsAnOverdueOneWithTheTimeOverAndTheGaugeCountsIt() throws Exception {
		// given a note routed to an office the directory does not know (so nobody to escalate to), its deadline past
		UUID noteId = UUID.randomUUID();
		Instant routedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
		publishRouted(noteId, routedAt, routing(noteId, "IN/2026/000888", office("XYZ", "Office of Nowhere", List.of()))
			.registeredAt(routedAt)
			.deadline(routedAt.plus(Duration.ofHours(1)))
			.json());
		awaitState(noteId, "ROUTED");

		// when the operator page asks for the overview
		JsonNode overview = await().atMost(WAIT).until(() -> json.readTree(get("/api/v1/overview").body()),
				(o) -> o.path("awaiting").valueStream().anyMatch((a) -> noteId.toString().equals(a.path("noteId").asString())));

		// then the note is counted, overdue by about an hour, and in the flow
		assertThat(overview.path("byState").propertyNames()).contains("RECEIVED", "ROUTED", "TRIAGE", "DELIVERED",
				"ESCALATED", "FAILED", "ACKNOWLEDGED", "DUPLICATE");
		assertThat(overview.path("byState").path("ROUTED").asLong()).isPositive();
		assertThat(overview.path("overdue").asLong()).isPositive();
		assertThat(overview.path("inFlight").asLong()).isGreaterThanOrEqualTo(overview.path("overdue").asLong());
		assertThat(overview.path("overdueByOffice").path("XYZ").asLong()).isEqualTo(1);
		JsonNode awaiting = overview.path("awaiting")
			.valueStream()
			.filter((a) -> noteId.toString().equals(a.path("noteId").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(awaiting.path("overdue").asBoolean()).isTrue();
		assertThat(awaiting.path("secondsLeft").asLong()).isBetween(-3700L, -3500L);
		assertThat(awaiting.path("office").asString()).isEqualTo("XYZ");
		assertThat(overview.path("recent").valueStream().map((f) -> f.path("registryNumber").asString()))
			.contains("IN/2026/000888");

		// and Prometheus sees it: the overdue gauge by destination office
		await().atMost(WAIT).untilAsserted(() -> assertThat(metrics())
			.containsPattern("(?m)^valise_notes_overdue\\{[^}]*office=\"XYZ\"[^}]*\\} 1\\.0$")
			.containsPattern("(?m)^valise_notes_overdue\\{[^}]*office=\"ODG\"[^}]*\\} ")
			.containsPattern("(?m)^valise_notes_tracked\\{[^}]*state=\"ROUTED\"[^}]*\\} [1-9]"));
	}

}
