package org.valise.notification.security;

import java.util.Set;

import org.valise.platform.security.Caller;
import org.valise.platform.security.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the caller is, as its token says (the operator page shows it beside "Sign out").
 */
@RestController
class CallerController {

	@GetMapping("/api/v1/me")
	Me me(Caller caller) {
		return new Me(caller.name(), caller.roles(), caller.office());
	}

	/**
	 * The caller.
	 *
	 * @param name the token's subject
	 * @param roles its Valise roles
	 * @param office its office id, for an office
	 */
	record Me(String name, Set<Role> roles, String office) {
	}

}
