package org.valise.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The metrics scraper's HTTP Basic credentials, compared in constant time; it gets the {@code SCRAPER} role and
 * nothing else. Without a configured password nobody is the scraper.
 */
final class ScraperAuthenticationProvider implements AuthenticationProvider {

	static final String AUTHORITY = "ROLE_SCRAPER";

	private final String username;

	private final byte[] password;

	ScraperAuthenticationProvider(ValiseSecurityProperties.Scraper scraper) {
		this.username = scraper.username();
		this.password = (scraper.password() == null || scraper.password().isBlank()) ? null
				: scraper.password().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		byte[] presented = (credentials != null) ? credentials.toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (this.password == null || !MessageDigest.isEqual(presented, this.password) || !this.username.equals(name)) {
			throw new BadCredentialsException("Bad scraper credentials");
		}
		return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
