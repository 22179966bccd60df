package org.valise.platform.security;

import java.util.List;

/**
 * A service may not start as configured: a secret is missing, too short or a development value, or no token issuer
 * is set. Each problem names the environment variable to set.
 */
public class InsecureConfigurationException extends RuntimeException {

	private final List<String> problems;

	public InsecureConfigurationException(List<String> problems) {
		super("Refusing to start: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
