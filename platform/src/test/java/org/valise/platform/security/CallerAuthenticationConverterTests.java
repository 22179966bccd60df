package org.valise.platform.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallerAuthenticationConverterTests {

	private final CallerAuthenticationConverter converter = new CallerAuthenticationConverter(
			new ValiseSecurityProperties.Claims("roles", "office"));

	@Test
	void readsTheRolesAndOfficeOfTheTokenAsItsCaller() {
		CallerAuthentication authentication = (CallerAuthentication) this.converter
			.convert(jwt("odg-registry", List.of("office", "auditor"), "odg"));

		assertThat(authentication.caller()).isEqualTo(new Caller("odg-registry",
				java.util.Set.of(Role.OFFICE, Role.AUDITOR), "ODG"));
		assertThat(authentication.getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_OFFICE", "ROLE_AUDITOR");
		assertThat(authentication.getName()).isEqualTo("odg-registry");
	}

	@Test
	void ignoresRolesValiseDoesNotKnow() {
		Caller caller = this.converter.caller(jwt("someone", List.of("admin", "clerk", "root"), null));

		assertThat(caller.roles()).containsExactly(Role.CLERK);
	}

	@Test
	void grantsNothingToAnOfficeRoleWithoutAnOfficeId() {
		Caller caller = this.converter.caller(jwt("nobody", List.of("office"), null));

		assertThat(caller.roles()).isEmpty();
		assertThat(caller.office()).isNull();
	}

	@Test
	void readsRolesGivenAsASpaceSeparatedString() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("roles", "clerk operator")
			.issuedAt(Instant.now()).build();

		assertThat(this.converter.caller(jwt).roles()).containsExactlyInAnyOrder(Role.CLERK, Role.OPERATOR);
	}

	@Test
	void keepsTheOfficeOnlyForAnOfficeCaller() {
		Caller clerk = this.converter.caller(jwt("clerk", List.of("clerk"), "ODG"));

		assertThat(clerk.office()).isNull();
		assertThat(clerk.speaksFor("ODG")).isFalse();
	}

	private static Jwt jwt(String subject, List<String> roles, String office) {
		Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim("roles", roles)
			.issuedAt(Instant.now());
		if (office != null) {
			builder.claim("office", office);
		}
		return builder.build();
	}

}
