package org.valise.intake.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the API token check in front of the intake API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.ClientTokens.class)
class SecurityConfiguration {

	@Bean
	FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ClientTokens tokens) {
		if (tokens.clients().isEmpty()) {
			throw new IllegalStateException("No API client is configured: set valise.security.clients.<name>=<token>");
		}
		FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(
				new ApiTokenFilter(tokens.clients()));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/**
	 * The clients allowed to submit notes: client name to bearer token.
	 */
	@ConfigurationProperties("valise.security")
	record ClientTokens(Map<String, String> clients) {

		ClientTokens {
			clients = (clients != null) ? clients : Map.of();
		}

	}

}
