package org.valise.platform.apidocs;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.valise.platform.security.ApiDocsRoutes;
import org.valise.platform.security.Caller;
import org.valise.platform.security.ValiseHttpSecurity;
import org.valise.platform.security.ValiseSecurityAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI description of a Valise service that brings springdoc, written once for the three: its title, the two
 * security schemes ({@value #BEARER}: the API's JWT; {@value #SCRAPER}: HTTP Basic of the metrics scraper), each
 * operation's requirement and problem responses ({@link SecurityAndProblems}), and the routes the service's
 * {@code SecurityFilterChain} opens for the description and Swagger UI ({@link ApiDocsRoutes}), read from springdoc's
 * own properties so that a path is opened only where springdoc serves it.
 */
@AutoConfiguration(before = ValiseSecurityAutoConfiguration.class)
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ValiseApiDocsProperties.class)
public class ValiseApiDocsAutoConfiguration {

	/** The API's security scheme: a bearer JWT of the organisation's identity provider. */
	public static final String BEARER = "bearer";

	/** The metrics scraper's security scheme: HTTP Basic, for {@code /actuator/prometheus} alone. */
	public static final String SCRAPER = "scraper";

	static {
		// A controller's Caller parameter is the authenticated caller (CallerArgumentResolver), not a request parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI valiseOpenApi(Environment environment, ValiseApiDocsProperties properties) {
		String service = environment.getProperty("spring.application.name", "valise");
		String description = properties.description().isBlank() ? "" : properties.description().strip() + "\n\n";
		return new OpenAPI()
			.info(new Info().title("Valise " + service)
				.version("v1")
				.description(description + "Every call needs `Authorization: Bearer <token>` of the organisation's "
						+ "identity provider (roles and office in its claims; `./valise token ROLE [OFFICE]` in the "
						+ "local run), except the probes, the published event contract and the routes marked public. "
						+ "Every refusal is an RFC 9457 problem (`application/problem+json`)."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("A JWT of the organisation's identity provider; its roles claim says what "
									+ "the caller may do, its office claim which office it is"))
				.addSecuritySchemes(SCRAPER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("The metrics scraper (Prometheus), for " + ValiseHttpSecurity.SCRAPER_ROUTE
							+ " and nothing else")));
	}

	@Bean
	GlobalOpenApiCustomizer valiseOperationSecurity(ValiseHttpSecurity security) {
		return new SecurityAndProblems(security);
	}

	@Bean
	ApiDocsRoutes apiDocsRoutes(Environment environment, ValiseApiDocsProperties properties) {
		Binder binder = Binder.get(environment);
		// springdoc's own defaults: the description on at /v3/api-docs, Swagger UI on (with it) at /swagger-ui.html.
		boolean described = binder.bind("springdoc.api-docs.enabled", Boolean.class).orElse(true);
		if (!described) {
			return ApiDocsRoutes.none();
		}
		String path = binder.bind("springdoc.api-docs.path", String.class).orElse("/v3/api-docs");
		List<String> descriptions = List.of(path, path + "/**", path + ".yaml");
		List<String> ui = new ArrayList<>();
		if (binder.bind("springdoc.swagger-ui.enabled", Boolean.class).orElse(true)) {
			String page = binder.bind("springdoc.swagger-ui.path", String.class).orElse("/swagger-ui.html");
			ui.add(page);
			ui.add(page.substring(0, page.lastIndexOf('/')) + "/swagger-ui/**");
		}
		return new ApiDocsRoutes(descriptions, ui, properties.open());
	}

}
