package org.valise.notification;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every notification route against every kind of caller, for an ordinary and a confidential note destined to the
 * Director General's office (ODG) with the Department of Policy and Research (DPR) in copy: who gets the note whole
 * ("200 content"), who its registry facts only ("200 facts"), for whom it does not exist (404), who is refused by
 * role (403). The expected cells are written out, row by row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationAuthorizationTests extends BrokerTestSupport {

	private static final Map<String, String> CALLERS = callers();

	private final UUID ordinary = UUID.randomUUID();

	private final UUID confidential = UUID.randomUUID();

	private static Map<String, String> callers() {
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("nobody", null);
		callers.put("its submitter", TestTokens.token("registry-clerk", Role.SUBMITTER, null));
		callers.put("other submitter", TestTokens.token("another-registry", Role.SUBMITTER, null));
		callers.put("clerk", TestTokens.token(Role.CLERK));
		callers.put("office ODG", TestTokens.office("ODG"));
		callers.put("office DPR", TestTokens.office("DPR"));
		callers.put("office OLA", TestTokens.office("OLA"));
		callers.put("operator", TestTokens.token(Role.OPERATOR));
		callers.put("auditor", TestTokens.token(Role.AUDITOR));
		return callers;
	}

	private boolean published;

	// After BrokerTestSupport's own @BeforeEach (its producer), once for the class.
	@BeforeEach
	void publishTwoNotesForTheDirectorGeneralWithACopy() throws Exception {
		if (this.published) {
			return;
		}
		this.published = true;
		publish(this.ordinary, "IN/2026/000901", false);
		publish(this.confidential, "IN/2026/000902", true);
		awaitState(this.ordinary, "DELIVERED");
		awaitState(this.confidential, "DELIVERED");
	}

	@Test
	void showsEachCallerAsMuchOfANoteAsItMaySee() throws Exception {
		// callers: nobody, its submitter, other submitter, clerk, ODG, DPR, OLA, operator, auditor
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("GET ordinary note", List.of("401", "200 facts", "404", "200 content", "200 content",
				"200 content", "404", "200 facts", "200 content"));
		expected.put("GET confidential note", List.of("401", "200 facts", "404", "200 content", "200 content",
				"200 facts", "404", "200 facts", "200 facts"));
		expected.put("search confidential note", List.of("401", "1 facts", "0", "1 content", "1 content", "1 facts",
				"0", "1 facts", "1 facts"));
		expected.put("search its sender", List.of("401", "0", "0", "1 content", "1 content", "0", "0", "0", "0"));
		expected.put("GET overview", List.of("401", "403", "403", "200", "200", "200", "200", "200", "200"));
		expected.put("GET page", List.of("401", "403", "403", "200", "200", "200", "200", "200", "200"));
		expected.put("retry unknown delivery", List.of("401", "403", "403", "403", "403", "403", "403", "404", "403"));

		Map<String, List<String>> actual = new LinkedHashMap<>();
		for (String row : expected.keySet()) {
			List<String> cells = new ArrayList<>();
			for (String token : CALLERS.values()) {
				cells.add(cell(row, token));
			}
			actual.put(row, cells);
		}
		StringBuilder table = new StringBuilder("callers: " + CALLERS.keySet() + "\n");
		actual.forEach((row, cells) -> table.append(String.format("%-26s %s%n", row, cells)));
		System.out.print(table);
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void letsOnlyTheDestinationOfficeAcknowledgeAndHidesTheNoteFromOfficesItNeverReached() throws Exception {
		String body = "{\"acknowledgedBy\": \"Director\"}";

		assertThat(acknowledge(this.confidential, CALLERS.get("office OLA"), body).statusCode()).isEqualTo(404);
		assertThat(acknowledge(this.confidential, CALLERS.get("office DPR"), body).statusCode()).isEqualTo(403);
		assertThat(acknowledge(this.confidential, CALLERS.get("operator"), body).statusCode()).isEqualTo(403);
		assertThat(acknowledge(this.confidential, CALLERS.get("clerk"), body).statusCode()).isEqualTo(403);
		assertThat(acknowledge(this.confidential, CALLERS.get("office ODG"), body).statusCode()).isEqualTo(202);
	}

	@Test
	void keepsAConfidentialNotesContentFromAnOperator() throws Exception {
		JsonNode facts = json.readTree(get("/api/v1/notes/" + this.confidential, CALLERS.get("operator")).body());

		assertThat(facts.path("access").asString()).isEqualTo("REGISTRY_FACTS");
		assertThat(facts.path("registryNumber").asString()).isEqualTo("IN/2026/000902");
		assertThat(facts.path("destination").path("id").asString()).isEqualTo("ODG");
		assertThat(facts.path("note").isNull()).isTrue();
		assertThat(facts.path("receiptDraft").isNull()).isTrue();
		assertThat(facts.path("explanation").path("summary").isNull()).isTrue();
		assertThat(facts.path("timeline")).allSatisfy((entry) -> assertThat(entry.path("detail").isNull()).isTrue());
		assertThat(facts.toString()).doesNotContain("Testland", "REF/902");
	}

	private String cell(String row, String token) throws Exception {
		return switch (row) {
			case "GET ordinary note" -> view(get("/api/v1/notes/" + this.ordinary, token));
			case "GET confidential note" -> view(get("/api/v1/notes/" + this.confidential, token));
			case "search confidential note" -> search(get("/api/v1/notes?q=IN/2026/000902", token));
			case "search its sender" -> search(get("/api/v1/notes?q=Confidentia", token));
			case "GET overview" -> String.valueOf(get("/api/v1/overview", token).statusCode());
			case "GET page" -> String.valueOf(get("/", token).statusCode());
			case "retry unknown delivery" -> String.valueOf(
					post("/api/v1/notes/" + this.ordinary + "/deliveries/none/retry", token, null, "", null).statusCode());
			default -> throw new IllegalArgumentException(row);
		};
	}

	private static String view(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return String.valueOf(response.statusCode());
		}
		return "200 " + (json.readTree(response.body()).path("access").asString().equals("CONTENT") ? "content" : "facts");
	}

	private static String search(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return String.valueOf(response.statusCode());
		}
		JsonNode page = json.readTree(response.body());
		int total = page.path("totalItems").asInt();
		if (total == 0) {
			return "0";
		}
		return total + " " + (page.path("items").get(0).path("access").asString().equals("CONTENT") ? "content" : "facts");
	}

	private void publish(UUID noteId, String registryNumber, boolean confidential) throws Exception {
		Map<String, Object> note = fields("en", "REF/" + registryNumber.substring(registryNumber.length() - 3),
				"2026-01-15", "Geneva", confidential ? "Confidential Mission of Testland" : "Permanent Mission of Testland");
		note.put("confidential", confidential);
		Instant now = Instant.now();
		publishReceived(noteId, now.minusSeconds(5), noteReceived(noteId, now.minusSeconds(5), note, "text"));
		Map<String, Object> copy = Map.of("office", office("DPR", "Department of Policy and Research",
				List.of(email("dpr-matrix@iom.example.org"))), "purpose", "INFORMATION");
		publishRouted(noteId, now, routing(noteId, registryNumber,
				office("ODG", "Office of the Director General", List.of(email("odg-matrix@iom.example.org"))))
			.note(note)
			.set("copies", List.of(copy))
			.json());
	}

}
