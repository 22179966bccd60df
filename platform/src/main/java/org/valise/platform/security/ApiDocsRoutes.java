package org.valise.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The paths of a service's API description ({@code /v3/api-docs}) and of Swagger UI, as far as the service serves
 * them, and who may read them: anybody where the description is {@code open} (the local run: Swagger UI reads it
 * without a token), any Valise caller with a bearer token elsewhere. Swagger UI's own pages are public where it is
 * on. A path not served is not opened: {@link ValiseHttpSecurity} denies it with everything else.
 *
 * @param descriptions the API description's paths (none when it is off)
 * @param ui Swagger UI's paths (none when it is off)
 * @param open whether the description is public
 */
public record ApiDocsRoutes(List<String> descriptions, List<String> ui, boolean open) {

	public ApiDocsRoutes {
		descriptions = List.copyOf(descriptions);
		ui = List.copyOf(ui);
	}

	/** Nothing served: a service without springdoc, or with both off. */
	public static ApiDocsRoutes none() {
		return new ApiDocsRoutes(List.of(), List.of(), false);
	}

	/** The paths anybody may read, without a token. */
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>(this.ui);
		if (this.open) {
			paths.addAll(this.descriptions);
		}
		return paths;
	}

	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		if (!this.ui.isEmpty()) {
			requests.requestMatchers(this.ui.toArray(String[]::new)).permitAll();
		}
		if (!this.descriptions.isEmpty()) {
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl descriptions = requests
				.requestMatchers(this.descriptions.toArray(String[]::new));
			if (this.open) {
				descriptions.permitAll();
			}
			else {
				descriptions.hasAnyRole(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
			}
		}
	}

}
