package org.valise.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller of a Valise API may do, as its identity provider says in the token's roles claim.
 */
public enum Role {

	/** A registry or a system that submits notes to intake. */
	SUBMITTER,

	/** A registry clerk: triages, routes, reroutes, previews, and reads every note. */
	CLERK,

	/**
	 * An office of the organisation (its id in the office claim): reads the notes destined, copied or escalated to it,
	 * and acknowledges its own.
	 */
	OFFICE,

	/** An operator: dashboards, counts and the state of every note, never a note's content; retries deliveries. */
	OPERATOR,

	/** An auditor: reads everything, changes nothing; a confidential note's content stays with its office and clerks. */
	AUDITOR;

	/** The name of the role in tokens ({@code clerk}). */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The Spring Security authority of the role ({@code ROLE_CLERK}). */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The role a token names, if it is one of Valise's (case-insensitive). */
	public static Optional<Role> fromClaim(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (Role role : values()) {
			if (role.claimValue().equalsIgnoreCase(value.strip())) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
