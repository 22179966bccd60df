package org.valise.intake.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.valise.platform.security.Role;
import org.valise.platform.security.ValiseHttpSecurity;

/**
 * Who may call intake: a submitter (a registry, a system) posts notes; a submitter or a clerk asks what the parser
 * reads in a note. Everything else but the probes, the contract and the scraper's metrics is refused.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ValiseHttpSecurity valise) throws Exception {
		return valise.apply(http, (routes) -> routes
			.requestMatchers(HttpMethod.POST, "/api/v1/notes")
			.hasRole(Role.SUBMITTER.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/notes/parse")
			.hasAnyRole(Role.SUBMITTER.name(), Role.CLERK.name())
			// Other methods on these paths: Spring MVC answers them (405), for the callers of the API only.
			.requestMatchers("/api/v1/notes", "/api/v1/notes/parse")
			.hasAnyRole(Role.SUBMITTER.name(), Role.CLERK.name())).build();
	}

}
