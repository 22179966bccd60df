package org.valise.intake.security;

import org.junit.jupiter.api.Test;
import org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc;
import org.valise.platform.apidocs.OutsideTheLocalRun;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * intake outside the local run (no {@code local} profile): no Swagger UI, and the API description only for a caller
 * with a bearer token, like the rest of the API.
 */
@OutsideTheLocalRun
@Import(IntakeSecurity.class)
class IntakeApiDocsOutsideLocalRunTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void servesNoSwaggerUi() {
		assertThat(this.context.getBeanNamesForType(SwaggerWelcomeWebMvc.class)).isEmpty();
		assertThat(this.mvc.get().uri("/swagger-ui.html")).hasStatus(401);
		assertThat(this.mvc.get().uri("/swagger-ui/index.html")).hasStatus(401);
		assertThat(this.mvc.get().uri("/swagger-ui.html").header("Authorization", bearer())).hasStatus(403);
	}

	@Test
	void describesTheApiToACallerWithATokenOnly() {
		assertThat(this.mvc.get().uri("/v3/api-docs")).hasStatus(401);
		assertThat(this.mvc.get().uri("/v3/api-docs").header("Authorization", bearer())).hasStatusOk()
			.bodyText()
			.contains("\"openapi\"", "\"bearer\"");
	}

	private static String bearer() {
		return "Bearer " + TestTokens.token(Role.OPERATOR);
	}

}
