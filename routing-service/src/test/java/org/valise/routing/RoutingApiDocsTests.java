package org.valise.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.platform.apidocs.ApiDescription;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routing's OpenAPI description and Swagger UI in the local run (the broker tests' {@code local} profile): every
 * operation with the scheme it requires (written out here, so that an endpoint added without its row fails), what a
 * clerk's routing answers and the problems it gives.
 */
class RoutingApiDocsTests extends BrokerTestSupport {

	/** Every operation of the description and the security scheme it requires (none: public). */
	private static final Map<String, List<String>> OPERATIONS = Map.of(
			"GET /api/v1/triage", List.of("bearer"),
			"GET /api/v1/notes/{noteId}/routing", List.of("bearer"),
			"POST /api/v1/notes/{noteId}/routing", List.of("bearer"),
			"POST /api/v1/routing/preview", List.of("bearer"),
			"GET /api/v1/directory", List.of("bearer"),
			"GET /actuator/prometheus", List.of("scraper"),
			"GET /actuator/health", List.of());

	@Test
	void describesEveryOperationWithTheSchemeItRequires() throws Exception {
		ApiDescription docs = description();

		assertThat(docs.version()).startsWith("3.1");
		assertThat(docs.requirements()).isEqualTo(OPERATIONS);
		assertThat(docs.securityScheme("bearer").path("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(docs.securityScheme("scraper").path("scheme").asString()).isEqualTo("basic");
	}

	@Test
	void describesAClerksRoutingAndItsRefusals() throws Exception {
		ApiDescription docs = description();
		String route = "POST /api/v1/notes/{noteId}/routing";

		assertThat(docs.parameters(route)).containsExactly("noteId");
		assertThat(docs.requestMediaTypes(route)).containsExactly("application/json");
		assertThat(docs.responses(route)).containsExactlyInAnyOrder("200", "202", "400", "401", "403", "404", "409",
				"503");
		assertThat(docs.responseSchema(route, "200", "*/*")).isEqualTo("#/components/schemas/RoutingResult");
		for (String status : List.of("400", "401", "403", "404", "409", "503")) {
			assertThat(docs.responseSchema(route, status, "application/problem+json")).as(status)
				.isEqualTo("#/components/schemas/Problem");
		}
		assertThat(docs.responses("GET /api/v1/notes/{noteId}/routing")).contains("200", "404");
	}

	@Test
	void servesSwaggerUiInTheLocalRun() {
		assertThat(this.mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection()
			.redirectedUrl()
			.endsWith("/swagger-ui/index.html");
		assertThat(this.mvc.get().uri("/swagger-ui/index.html")).hasStatusOk().bodyText().contains("Swagger UI");
		assertThat(this.mvc.get().uri("/v3/api-docs/swagger-config")).hasStatusOk().bodyText().contains("/v3/api-docs");
	}

	private ApiDescription description() throws Exception {
		MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(docs).as("GET /v3/api-docs without a token in the local run").hasStatusOk();
		return ApiDescription.of(docs.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
