package org.valise.intake.apidocs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.intake.IntakeBrokerTest;
import org.valise.platform.apidocs.ApiDescription;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * intake's OpenAPI description and Swagger UI in the local run (the {@code local} profile of {@link IntakeBrokerTest}):
 * every operation with the scheme it requires (written out here, so that an endpoint added without its row fails),
 * the request bodies intake takes, the answers and the problems it gives.
 */
@IntakeBrokerTest
class IntakeApiDocsTests {

	/** Every operation of the description and the security scheme it requires (none: public). */
	private static final Map<String, List<String>> OPERATIONS = Map.of(
			"POST /api/v1/notes", List.of("bearer"),
			"POST /api/v1/notes/parse", List.of("bearer"),
			"GET /actuator/prometheus", List.of("scraper"),
			"GET /actuator/health", List.of());

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void describesEveryOperationWithTheSchemeItRequires() throws Exception {
		ApiDescription docs = description();

		assertThat(docs.version()).startsWith("3.1");
		assertThat(docs.requirements()).isEqualTo(OPERATIONS);
		assertThat(docs.securityScheme("bearer").path("scheme").asString()).isEqualTo("bearer");
		assertThat(docs.securityScheme("bearer").path("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(docs.securityScheme("scraper").path("scheme").asString()).isEqualTo("basic");
	}

	@Test
	void describesTheSubmissionsIntakeTakesAndWhatItAnswers() throws Exception {
		ApiDescription docs = description();

		assertThat(docs.requestMediaTypes("POST /api/v1/notes")).containsExactlyInAnyOrder("text/plain",
				"application/json", "multipart/form-data");
		assertThat(docs.parameters("POST /api/v1/notes")).containsExactly("Idempotency-Key");
		assertThat(docs.responses("POST /api/v1/notes")).containsExactlyInAnyOrder("202", "400", "401", "403", "413",
				"415", "422", "429", "503");
		assertThat(docs.responseSchema("POST /api/v1/notes", "202", "application/json"))
			.isEqualTo("#/components/schemas/Accepted");
		assertThat(docs.responses("POST /api/v1/notes/parse")).containsExactlyInAnyOrder("200", "400", "401", "403",
				"413", "415", "422");
		assertThat(docs.responseSchema("POST /api/v1/notes/parse", "200", "application/json"))
			.isEqualTo("#/components/schemas/NoteFields");
	}

	@Test
	void describesEveryRefusalAsAProblem() throws Exception {
		ApiDescription docs = description();

		for (String status : List.of("400", "401", "403", "413", "415", "422", "429", "503")) {
			assertThat(docs.responseSchema("POST /api/v1/notes", status, "application/problem+json")).as(status)
				.isEqualTo("#/components/schemas/Problem");
		}
		assertThat(docs.schema("Problem").path("properties").propertyNames()).contains("type", "title", "status",
				"detail", "errors");
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

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
