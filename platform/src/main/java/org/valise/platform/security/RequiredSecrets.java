package org.valise.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secrets a service declares it needs outside the local run ({@code valise.required-secrets}, a list of
 * variable and property), on top of the metrics scraper's password every service needs.
 *
 * @param requiredSecrets the service's own secrets
 */
@ConfigurationProperties("valise")
public record RequiredSecrets(List<RequiredSecret> requiredSecrets) {

	public RequiredSecrets {
		requiredSecrets = (requiredSecrets != null) ? List.copyOf(requiredSecrets) : List.of();
	}

}
