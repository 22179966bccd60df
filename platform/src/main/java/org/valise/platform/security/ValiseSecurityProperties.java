package org.valise.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a Valise service authenticates its callers ({@code valise.security}).
 *
 * @param jwt where the bearer tokens come from and what they must say
 * @param claims which claims carry the caller's roles and office
 * @param scraper the credentials of the metrics scraper (HTTP Basic on {@code /actuator/prometheus} only)
 */
@Validated
@ConfigurationProperties("valise.security")
public record ValiseSecurityProperties(@DefaultValue Jwt jwt, @DefaultValue Claims claims,
		@DefaultValue Scraper scraper) {

	/**
	 * The token issuer: the organisation's identity provider in production ({@code issuer-uri}, or {@code jwk-set-uri}),
	 * or a public key (the local run's, {@code public-key-location}). One of the three is required.
	 *
	 * @param issuerUri the provider's issuer (its keys are discovered from it; tokens must carry it as {@code iss})
	 * @param jwkSetUri the provider's key set
	 * @param publicKeyLocation an RSA public key in PEM ({@code file:...} or {@code classpath:...})
	 * @param issuer the {@code iss} every token must carry (defaults to {@code issuer-uri}); none checked when blank
	 * @param audience the {@code aud} every token must contain; none checked when blank
	 */
	public record Jwt(String issuerUri, String jwkSetUri, String publicKeyLocation, String issuer, String audience) {

		/** Whether any source of keys is configured. */
		public boolean configured() {
			return hasText(this.issuerUri) || hasText(this.jwkSetUri) || hasText(this.publicKeyLocation);
		}

		/** The issuer tokens must carry, or null. */
		public String expectedIssuer() {
			return hasText(this.issuer) ? this.issuer : hasText(this.issuerUri) ? this.issuerUri : null;
		}

		static boolean hasText(String value) {
			return value != null && !value.isBlank();
		}

	}

	/**
	 * The claims that say who the caller is.
	 *
	 * @param roles the claim listing the caller's roles (a JSON array or a space-separated string)
	 * @param office the claim holding an office caller's office id
	 */
	public record Claims(@DefaultValue("roles") String roles, @DefaultValue("office") String office) {
	}

	/**
	 * The metrics scraper (Prometheus): HTTP Basic, allowed {@code /actuator/prometheus} and nothing else.
	 *
	 * @param username its user name
	 * @param password its password; without one, metrics are served to nobody
	 */
	public record Scraper(@DefaultValue("prometheus") String username, String password) {
	}

}
