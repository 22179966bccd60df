package org.valise.platform.apidocs;

import org.junit.jupiter.api.Test;
import org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service promises outside the local run (no {@code local} profile): no Swagger UI, and the API
 * description only for a caller with a bearer token, like the rest of its API. A service's test extends it, annotated
 * {@link OutsideTheLocalRun} and importing the service's security, and gives a token its API admits.
 */
public abstract class ApiDocsOutsideTheLocalRun {

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected ApplicationContext context;

	/** A bearer token the service's API admits (its {@code TestTokens}). */
	protected abstract String token();

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

	private String bearer() {
		return "Bearer " + token();
	}

}
