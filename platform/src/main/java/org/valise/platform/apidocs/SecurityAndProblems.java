package org.valise.platform.apidocs;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.valise.platform.security.ValiseHttpSecurity;

/**
 * Gives every operation of the description the requirement the service's security rules make
 * ({@link ValiseHttpSecurity}): none for a public route, the scraper's HTTP Basic for the metrics, a bearer token for
 * everything else (an operation that states its own keeps it); the refusals that requirement brings, 401 and 403;
 * and every refusal (4xx, 5xx) as a problem ({@code application/problem+json}, the {@code Problem} schema), whatever
 * springdoc guessed from the handler. Actuator endpoints nobody may call are left out.
 */
final class SecurityAndProblems implements GlobalOpenApiCustomizer {

	private static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private final ValiseHttpSecurity security;

	SecurityAndProblems(ValiseHttpSecurity security) {
		this.security = security;
	}

	@Override
	public void customise(OpenAPI openApi) {
		addProblemSchema(openApi);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().entrySet().removeIf((path) -> path.getKey().startsWith("/actuator") && !reachable(path));
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getSecurity() == null) {
				operation.setSecurity(requirement(method, path));
			}
			addRefusals(operation);
		}));
	}

	private boolean reachable(Map.Entry<String, PathItem> path) {
		return ValiseHttpSecurity.SCRAPER_ROUTE.equals(path.getKey()) || path.getValue()
			.readOperationsMap()
			.keySet()
			.stream()
			.anyMatch((method) -> this.security.isPublic(method.name(), path.getKey()));
	}

	private List<SecurityRequirement> requirement(PathItem.HttpMethod method, String path) {
		if (this.security.isPublic(method.name(), path)) {
			return List.of();
		}
		String scheme = ValiseHttpSecurity.SCRAPER_ROUTE.equals(path) ? ValiseApiDocsAutoConfiguration.SCRAPER
				: ValiseApiDocsAutoConfiguration.BEARER;
		return List.of(new SecurityRequirement().addList(scheme));
	}

	private static void addRefusals(Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		responses.forEach((status, response) -> {
			if (status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5')) {
				response.setContent(problemContent());
			}
		});
		if (operation.getSecurity().isEmpty()) {
			return;
		}
		responses.computeIfAbsent("401", (status) -> problem("No valid credentials: no token, or one that is "
				+ "forged, expired or not meant for Valise"));
		boolean bearer = operation.getSecurity()
			.stream()
			.anyMatch((requirement) -> requirement.containsKey(ValiseApiDocsAutoConfiguration.BEARER));
		if (bearer) {
			responses.computeIfAbsent("403", (status) -> problem("The caller's role may not do this"));
		}
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(problemContent());
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	private static void addProblemSchema(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
		converters.readAll(ProblemResponse.class).forEach(openApi.getComponents()::addSchemas);
	}

}
