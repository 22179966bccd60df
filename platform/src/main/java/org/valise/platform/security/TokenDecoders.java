package org.valise.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder that verifies bearer tokens: keys from the configured source, then expiry, issuer and audience.
 */
final class TokenDecoders {

	private TokenDecoders() {
	}

	static JwtDecoder decoder(ValiseSecurityProperties.Jwt jwt, ResourceLoader resources) {
		NimbusJwtDecoder decoder;
		if (ValiseSecurityProperties.Jwt.hasText(jwt.publicKeyLocation())) {
			decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources.getResource(jwt.publicKeyLocation().strip())))
				.build();
		}
		else if (ValiseSecurityProperties.Jwt.hasText(jwt.jwkSetUri())) {
			decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().strip()).build();
		}
		else if (ValiseSecurityProperties.Jwt.hasText(jwt.issuerUri())) {
			// Resolved on the first token, so that the service starts while the identity provider is unreachable.
			decoder = NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri().strip()).build();
		}
		else {
			throw new InsecureConfigurationException(List.of("No token issuer is configured: set VALISE_JWT_ISSUER_URI "
					+ "(your identity provider's issuer), VALISE_JWT_JWK_SET_URI (its key set) or "
					+ "VALISE_JWT_PUBLIC_KEY_LOCATION (an RSA public key in PEM, e.g. file:/etc/valise/jwt-public.pem)"));
		}
		decoder.setJwtValidator(validator(jwt));
		return decoder;
	}

	static OAuth2TokenValidator<Jwt> validator(ValiseSecurityProperties.Jwt jwt) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add((jwt.expectedIssuer() != null) ? JwtValidators.createDefaultWithIssuer(jwt.expectedIssuer())
				: JwtValidators.createDefault());
		if (ValiseSecurityProperties.Jwt.hasText(jwt.audience())) {
			String audience = jwt.audience().strip();
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && aud.contains(audience)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static RSAPublicKey publicKey(Resource resource) {
		if (!resource.exists()) {
			throw new InsecureConfigurationException(List.of("VALISE_JWT_PUBLIC_KEY_LOCATION: no public key at "
					+ resource.getDescription() + " (the local run creates .valise/keys/jwt-public.pem at its first "
					+ "./valise up)"));
		}
		try (InputStream in = resource.getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new InsecureConfigurationException(List.of("VALISE_JWT_PUBLIC_KEY_LOCATION: " + resource.getDescription()
					+ " is not an RSA public key in PEM (-----BEGIN PUBLIC KEY-----): " + ex.getMessage()));
		}
	}

}
