package org.valise.platform.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling a Valise API, as its token says: a name (the token's subject), its roles, and for an office its
 * office id. A plain value: decisions about what a caller may see take it as a parameter.
 *
 * @param name the subject, for the record ("registry-geneva", "clerk.dupont")
 * @param roles what it may do
 * @param office the office it speaks for (upper case, as in the directory), or {@code null} when it is no office
 */
public record Caller(String name, Set<Role> roles, String office) {

	public Caller {
		Objects.requireNonNull(name, "name");
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		office = (office == null || office.isBlank()) ? null : office.strip().toUpperCase(Locale.ROOT);
	}

	/** A caller with these roles and no office. */
	public static Caller of(String name, Role... roles) {
		return new Caller(name, Set.of(roles), null);
	}

	/** An office's caller. */
	public static Caller office(String name, String office) {
		return new Caller(name, Set.of(Role.OFFICE), office);
	}

	public boolean is(Role role) {
		return this.roles.contains(role);
	}

	/** Whether the caller speaks for this office (an office caller whose office id is this one, any case). */
	public boolean speaksFor(String officeId) {
		return this.office != null && is(Role.OFFICE) && officeId != null && this.office.equalsIgnoreCase(officeId);
	}

}
