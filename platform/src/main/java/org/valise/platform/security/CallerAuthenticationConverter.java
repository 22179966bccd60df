package org.valise.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads who the caller is from a verified token: its subject, the Valise roles in the roles claim (others are
 * ignored), and for an office its office id. An office role without an office id grants nothing.
 */
final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final ValiseSecurityProperties.Claims claims;

	CallerAuthenticationConverter(ValiseSecurityProperties.Claims claims) {
		this.claims = claims;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Caller caller = caller(jwt);
		List<GrantedAuthority> authorities = caller.roles()
			.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new CallerAuthentication(jwt, authorities, caller);
	}

	Caller caller(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Object claim = jwt.getClaims().get(this.claims.roles());
		if (claim instanceof Collection<?> values) {
			values.forEach((value) -> Role.fromClaim(String.valueOf(value)).ifPresent(roles::add));
		}
		else if (claim instanceof String value) {
			for (String word : value.split("[\\s,]+")) {
				Role.fromClaim(word).ifPresent(roles::add);
			}
		}
		String office = jwt.getClaimAsString(this.claims.office());
		if (office == null || office.isBlank()) {
			roles.remove(Role.OFFICE);
		}
		String subject = (jwt.getSubject() != null) ? jwt.getSubject() : "unnamed";
		return new Caller(subject, roles, roles.contains(Role.OFFICE) ? office : null);
	}

}
