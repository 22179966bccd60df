package org.valise.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token that was verified, with the {@link Caller} it names.
 */
public final class CallerAuthentication extends JwtAuthenticationToken {

	private final Caller caller;

	CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
		super(jwt, authorities, caller.name());
		this.caller = caller;
	}

	public Caller caller() {
		return this.caller;
	}

}
