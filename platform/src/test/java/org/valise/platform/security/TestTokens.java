package org.valise.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Real signed tokens for tests, from a key pair made once per JVM: a test points a service at
 * {@link #properties()} (or {@link #environment()} for a service started as a process) and sends
 * {@code Authorization: Bearer} {@link #token(Role)}.
 */
public final class TestTokens {

	private static final Path KEYS;

	private static final LocalTokenIssuer ISSUER;

	static {
		try {
			KEYS = Files.createTempDirectory("valise-test-keys");
			KEYS.toFile().deleteOnExit();
			LocalTokenIssuer.createKeys(KEYS);
			ISSUER = LocalTokenIssuer.from(KEYS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private TestTokens() {
	}

	/** Where the public key is, as a Spring resource location. */
	public static String publicKeyLocation() {
		return "file:" + KEYS.resolve(LocalTokenIssuer.PUBLIC_KEY);
	}

	/** The directory holding the key pair (what {@code ./valise token} reads). */
	public static Path keys() {
		return KEYS;
	}

	/** The properties that make a service trust these tokens (as the local profile does with its own key). */
	public static Map<String, String> properties() {
		return Map.of("valise.security.jwt.public-key-location", publicKeyLocation(), "valise.security.jwt.issuer",
				LocalTokenIssuer.ISSUER, "valise.security.jwt.audience", LocalTokenIssuer.AUDIENCE);
	}

	/** The same, as the environment of a service started as a process. */
	public static Map<String, String> environment() {
		return Map.of("VALISE_JWT_PUBLIC_KEY_LOCATION", publicKeyLocation(), "VALISE_JWT_ISSUER",
				LocalTokenIssuer.ISSUER, "VALISE_JWT_AUDIENCE", LocalTokenIssuer.AUDIENCE);
	}

	/** A token of a caller with that role (and no office), named after it. */
	public static String token(Role role) {
		return token("test-" + role.claimValue(), role, null);
	}

	/** An office's token. */
	public static String office(String officeId) {
		return token("office-" + officeId.toLowerCase(java.util.Locale.ROOT), Role.OFFICE, officeId);
	}

	public static String token(String subject, Role role, String office) {
		return ISSUER.token(subject, List.of(role.claimValue()), office, Instant.now(), Duration.ofHours(1));
	}

	/** A token that expired an hour ago. */
	public static String expired(Role role) {
		return ISSUER.token("test-" + role.claimValue(), List.of(role.claimValue()), null,
				Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
	}

	/** The metrics scraper's password in the local profile. */
	public static final String LOCAL_SCRAPER_PASSWORD = "dev-only-scraper-password-of-the-local-run";

	/** The {@code Authorization} header of the metrics scraper in the local profile (HTTP Basic). */
	public static String scraperAuthorization() {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString(("prometheus:" + LOCAL_SCRAPER_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The {@code Authorization} header value for a token. */
	public static String bearer(String token) {
		return "Bearer " + token;
	}

}
