package org.valise.platform.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which routes {@link ValiseHttpSecurity} opens to anybody, as the API description asks it: the probes and the
 * contract always, the API description only where it is open, Swagger UI where it is served, nothing else.
 */
class PublicRoutesTests {

	private static final ApiDocsRoutes DOCS = new ApiDocsRoutes(
			List.of("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"),
			List.of("/swagger-ui.html", "/swagger-ui/**"), false);

	@Test
	void opensTheProbesAndTheContractToAnybody() {
		ValiseHttpSecurity security = security(ApiDocsRoutes.none());

		assertThat(security.isPublic("GET", "/actuator/health/readiness")).isTrue();
		assertThat(security.isPublic("GET", "/schemas/note-received.v1.schema.json")).isTrue();
		assertThat(security.isPublic("GET", "/actuator/prometheus")).isFalse();
		assertThat(security.isPublic("POST", "/api/v1/notes")).isFalse();
		assertThat(security.isPublic("GET", "/v3/api-docs")).isFalse();
	}

	@Test
	void opensTheApiDescriptionOnlyWhereItIsOpen() {
		ValiseHttpSecurity closed = security(DOCS);
		ValiseHttpSecurity open = security(new ApiDocsRoutes(DOCS.descriptions(), DOCS.ui(), true));

		assertThat(closed.isPublic("GET", "/v3/api-docs")).isFalse();
		assertThat(closed.isPublic("GET", "/swagger-ui/index.html")).isTrue();
		assertThat(open.isPublic("GET", "/v3/api-docs")).isTrue();
		assertThat(open.isPublic("GET", "/v3/api-docs/swagger-config")).isTrue();
	}

	@Test
	void opensNoSwaggerUiWhereItIsNotServed() {
		ValiseHttpSecurity security = security(new ApiDocsRoutes(DOCS.descriptions(), List.of(), false));

		assertThat(security.isPublic("GET", "/swagger-ui.html")).isFalse();
		assertThat(new ApiDocsRoutes(DOCS.descriptions(), List.of(), true).publicPaths())
			.containsExactlyElementsOf(DOCS.descriptions());
	}

	private static ValiseHttpSecurity security(ApiDocsRoutes docs) {
		return new ValiseHttpSecurity(new ValiseSecurityProperties(
				new ValiseSecurityProperties.Jwt(null, null, null, null, null),
				new ValiseSecurityProperties.Claims("roles", "office"),
				new ValiseSecurityProperties.Scraper("prometheus", null)), docs);
	}

}
