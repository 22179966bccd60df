package org.valise.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenDecodersTests {

	private final JwtDecoder decoder = TokenDecoders.decoder(new ValiseSecurityProperties.Jwt(null, null,
			TestTokens.publicKeyLocation(), LocalTokenIssuer.ISSUER, LocalTokenIssuer.AUDIENCE),
			new DefaultResourceLoader());

	@Test
	void acceptsATokenSignedWithTheTrustedKey() {
		Jwt jwt = this.decoder.decode(TestTokens.office("ODG"));

		assertThat(jwt.getSubject()).isEqualTo("office-odg");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("office");
		assertThat(jwt.getClaimAsString("office")).isEqualTo("ODG");
	}

	@Test
	void refusesATokenSignedWithAnotherKey(@TempDir Path other) throws Exception {
		LocalTokenIssuer.createKeys(other);
		String forged = LocalTokenIssuer.from(other)
			.token("intruder", List.of("clerk"), null, Instant.now(), Duration.ofHours(1));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(forged));
	}

	@Test
	void refusesAnExpiredToken() {
		assertThatThrownBy(() -> this.decoder.decode(TestTokens.expired(Role.CLERK))).isInstanceOf(JwtException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void refusesATokenOfAnotherIssuerOrForAnotherAudience() {
		JwtDecoder otherIssuer = TokenDecoders.decoder(new ValiseSecurityProperties.Jwt(null, null,
				TestTokens.publicKeyLocation(), "https://idp.example.org", null), new DefaultResourceLoader());
		JwtDecoder otherAudience = TokenDecoders.decoder(new ValiseSecurityProperties.Jwt(null, null,
				TestTokens.publicKeyLocation(), null, "registry-api"), new DefaultResourceLoader());
		String token = TestTokens.token(Role.CLERK);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> otherIssuer.decode(token));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> otherAudience.decode(token));
	}

	@Test
	void refusesATokenWhoseClaimsWereAltered() {
		String[] parts = TestTokens.token(Role.OPERATOR).split("\\.");
		String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("operator", "clerk");
		String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(claims.getBytes()) + "." + parts[2];

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(altered));
	}

	@Test
	void refusesToStartWithoutAnyTokenIssuerNamingTheVariables() {
		assertThatExceptionOfType(InsecureConfigurationException.class)
			.isThrownBy(() -> TokenDecoders.decoder(new ValiseSecurityProperties.Jwt(null, null, null, null, null),
					new DefaultResourceLoader()))
			.withMessageContaining("VALISE_JWT_ISSUER_URI")
			.withMessageContaining("VALISE_JWT_PUBLIC_KEY_LOCATION");
	}

	@Test
	void refusesToStartOnAMissingPublicKeyFile(@TempDir Path empty) {
		assertThatExceptionOfType(InsecureConfigurationException.class)
			.isThrownBy(() -> TokenDecoders.decoder(new ValiseSecurityProperties.Jwt(null, null,
					"file:" + empty.resolve("none.pem"), null, null), new DefaultResourceLoader()))
			.withMessageContaining("no public key at");
		assertThat(Files.exists(empty.resolve("none.pem"))).isFalse();
	}

}
