package org.valise.routing.clerk;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.valise.routing.registry.RegistryQueries;

/** Puts the clerk token check in front of every write to the API, then the forwarding to the registry desk's instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ClerkSecurity.ClerkTokens.class, ClerkSecurity.ClerkApi.class })
class ClerkSecurity {

	private static final Logger log = LoggerFactory.getLogger(ClerkSecurity.class);

	@Bean
	FilterRegistrationBean<ClerkTokenFilter> clerkTokenFilter(ClerkTokens tokens) {
		if (tokens.clerks().isEmpty()) {
			throw new IllegalStateException("No registry clerk is configured: set valise.security.clerks.<name>=<token>");
		}
		tokens.clerks()
			.forEach((clerk, token) -> {
				if (token == null || token.isBlank()) {
					throw new IllegalStateException("Clerk '" + clerk + "' has an empty token (valise.security.clerks."
							+ clerk + ")");
				}
				if (token.startsWith("dev-token-")) {
					log.warn("Clerk '{}' uses the development token; set valise.security.clerks.{} in production", clerk,
							clerk);
				}
			});
		FilterRegistrationBean<ClerkTokenFilter> registration = new FilterRegistrationBean<>(
				new ClerkTokenFilter(tokens.clerks()));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(0);
		return registration;
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
	 * The registry clerks allowed to write: clerk name to bearer token ({@code valise.security.clerks.<name>}).
	 *
	 * @param clerks tokens by clerk name
	 */
	@ConfigurationProperties("valise.security")
	record ClerkTokens(Map<String, String> clerks) {

		ClerkTokens {
			clerks = clerks == null ? Map.of() : Map.copyOf(clerks);
		}

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
