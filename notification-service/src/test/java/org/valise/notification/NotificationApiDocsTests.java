package org.valise.notification;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.platform.apidocs.ApiDescription;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * notification's OpenAPI description and Swagger UI in the local run (the broker tests' {@code local} profile): every
 * operation with the scheme it requires (written out here, so that an endpoint added without its row fails; the
 * signed acknowledgement link and the page's sign-in need none), an office's acknowledgement and its refusals.
 */
class NotificationApiDocsTests extends BrokerTestSupport {

	/** Every operation of the description and the security scheme it requires (none: public). */
	private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
			entry("GET /api/v1/notes", List.of("bearer")),
			entry("GET /api/v1/notes/{noteId}", List.of("bearer")),
			entry("POST /api/v1/notes/{noteId}/acknowledgements", List.of("bearer")),
			entry("POST /api/v1/notes/{noteId}/deliveries/{deliveryId}/retry", List.of("bearer")),
			entry("GET /api/v1/overview", List.of("bearer")),
			entry("GET /api/v1/me", List.of("bearer")),
			entry("GET /api/v1/acknowledgements/{token}", List.of()),
			entry("POST /api/v1/acknowledgements/{token}", List.of()),
			entry("POST /sign-in", List.of()),
			entry("POST /sign-out", List.of()),
			entry("GET /actuator/prometheus", List.of("scraper")),
			entry("GET /actuator/health", List.of()));

	@Test
	void describesEveryOperationWithTheSchemeItRequires() throws Exception {
		ApiDescription docs = description();

		assertThat(docs.version()).startsWith("3.1");
		assertThat(docs.requirements()).isEqualTo(OPERATIONS);
		assertThat(docs.securityScheme("bearer").path("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(docs.securityScheme("scraper").path("scheme").asString()).isEqualTo("basic");
	}

	@Test
	void describesTheTrackingViewAndAnOfficesAcknowledgement() throws Exception {
		ApiDescription docs = description();
		String acknowledge = "POST /api/v1/notes/{noteId}/acknowledgements";

		assertThat(docs.responseSchema("GET /api/v1/notes/{noteId}", "200", "*/*"))
			.isEqualTo("#/components/schemas/NoteView");
		assertThat(docs.responses("GET /api/v1/notes/{noteId}")).contains("200", "401", "403", "404", "503");
		assertThat(docs.requestMediaTypes(acknowledge)).containsExactly("application/json");
		assertThat(docs.responses(acknowledge)).containsExactlyInAnyOrder("202", "400", "401", "403", "404", "409",
				"503");
		assertThat(docs.responseSchema(acknowledge, "202", "*/*"))
			.isEqualTo("#/components/schemas/AcknowledgementAccepted");
		for (String status : List.of("400", "401", "403", "404", "409", "503")) {
			assertThat(docs.responseSchema(acknowledge, status, "application/problem+json")).as(status)
				.isEqualTo("#/components/schemas/Problem");
		}
		assertThat(docs.responses("POST /api/v1/acknowledgements/{token}")).contains("403", "410")
			.doesNotContain("401");
	}

	@Test
	void servesSwaggerUiInTheLocalRun() throws Exception {
		HttpResponse<String> page = get("/swagger-ui.html");
		HttpResponse<String> ui = get("/swagger-ui/index.html");
		HttpResponse<String> config = get("/v3/api-docs/swagger-config");

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/swagger-ui/index.html"));
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("Swagger UI");
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("/v3/api-docs");
	}

	private ApiDescription description() throws Exception {
		HttpResponse<String> docs = get("/v3/api-docs");
		assertThat(docs.statusCode()).as("GET /v3/api-docs without a token in the local run").isEqualTo(200);
		return ApiDescription.of(docs.body());
	}

}
