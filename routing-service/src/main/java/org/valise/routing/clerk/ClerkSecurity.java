package org.valise.routing.clerk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.valise.platform.security.Role;
import org.valise.platform.security.ValiseHttpSecurity;
import org.valise.routing.registry.streams.RegistryQueries;

/**
 * Who may call routing (its one {@code SecurityFilterChain}): clerks triage, route, reroute and preview; clerks and
 * auditors read the triage queue and a note's decisions (an auditor without a confidential note's content); clerks,
 * auditors and operators read the directory. After authentication, clerks' requests are passed on to the instance
 * that runs the registry desk.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClerkSecurity.ClerkApi.class)
class ClerkSecurity {

	private static final String CLERK = Role.CLERK.name();

	private static final String AUDITOR = Role.AUDITOR.name();

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ValiseHttpSecurity valise) throws Exception {
		return valise.apply(http, (routes) -> routes.requestMatchers(HttpMethod.GET, "/api/v1/triage")
			.hasAnyRole(CLERK, AUDITOR)
			.requestMatchers(HttpMethod.GET, "/api/v1/notes/{noteId}/routing")
			.hasAnyRole(CLERK, AUDITOR)
			.requestMatchers(HttpMethod.POST, "/api/v1/notes/{noteId}/routing")
			.hasRole(CLERK)
			.requestMatchers(HttpMethod.POST, "/api/v1/routing/preview")
			.hasRole(CLERK)
			.requestMatchers(HttpMethod.GET, "/api/v1/directory")
			.hasAnyRole(CLERK, AUDITOR, Role.OPERATOR.name())
			// Other methods on these paths: Spring MVC answers them (405), for the registry's own callers only.
			.requestMatchers("/api/v1/triage", "/api/v1/notes/{noteId}/routing", "/api/v1/routing/preview",
					"/api/v1/directory")
			.hasAnyRole(CLERK, AUDITOR)).build();
	}

	/** After authentication: passes clerks' requests on to the instance that runs the registry desk. */
	@Bean
	FilterRegistrationBean<RegistryForwardingFilter> registryForwardingFilter(RegistryQueries queries) {
		FilterRegistrationBean<RegistryForwardingFilter> registration = new FilterRegistrationBean<>(
				new RegistryForwardingFilter(queries));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(10);
		return registration;
	}

	/**
	 * How long a clerk's request waits for the registry desk to carry out its command
	 * ({@code valise.clerks.command-timeout}); after that the answer is 202 Accepted.
	 *
	 * @param commandTimeout the wait
	 */
	@ConfigurationProperties("valise.clerks")
	record ClerkApi(@DefaultValue("10s") Duration commandTimeout) {
	}

}
