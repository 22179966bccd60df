package org.valise.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;

/**
 * A caller's bearer token, renewed before it expires (test tokens live an hour; the full suite runs longer). The
 * subject stays the same, so the note ids intake derives from it and an Idempotency-Key stay the same too.
 */
public final class Tokens implements Supplier<String> {

	private static final Duration RENEW_AFTER = Duration.ofMinutes(20);

	private final String subject;

	private final Role role;

	private String token;

	private Instant issuedAt = Instant.MIN;

	private Tokens(String subject, Role role) {
		this.subject = subject;
		this.role = role;
	}

	/** The registry that submits the notes. */
	public static Tokens registry() {
		return new Tokens("fault-harness-registry", Role.SUBMITTER);
	}

	/** A registry clerk, who reads every note's tracking view. */
	public static Tokens clerk() {
		return new Tokens("fault-harness-clerk", Role.CLERK);
	}

	@Override
	public synchronized String get() {
		if (Instant.now().isAfter(this.issuedAt.plus(RENEW_AFTER))) {
			this.token = TestTokens.token(this.subject, this.role, null);
			this.issuedAt = Instant.now();
		}
		return this.token;
	}

}
