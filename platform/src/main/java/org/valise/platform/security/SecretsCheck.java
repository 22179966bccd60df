package org.valise.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides whether the secrets a service is given may be used outside the local run: each must be set, at least
 * {@value #MIN_BYTES} bytes long, and not a development value (every development secret of the project starts with
 * {@value #DEVELOPMENT_PREFIX}).
 */
public final class SecretsCheck {

	public static final int MIN_BYTES = 32;

	public static final String DEVELOPMENT_PREFIX = "dev-only-";

	private SecretsCheck() {
	}

	/**
	 * What is wrong with the secrets, one sentence per secret naming its variable; empty when all may be used.
	 * @param secrets the secrets required
	 * @param values the value of a property, or null when it is not set
	 */
	public static List<String> problems(List<RequiredSecret> secrets, Function<String, String> values) {
		List<String> problems = new ArrayList<>();
		for (RequiredSecret secret : secrets) {
			String value = values.apply(secret.property());
			if (value == null || value.isBlank()) {
				problems.add(secret.variable() + " is not set (" + secret.property() + ")");
			}
			else if (value.startsWith(DEVELOPMENT_PREFIX)) {
				problems.add(secret.variable() + " holds a development value (" + DEVELOPMENT_PREFIX
						+ "...), which is public: generate a secret of your own");
			}
			else if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
				problems.add(secret.variable() + " is " + value.getBytes(StandardCharsets.UTF_8).length
						+ " bytes long: at least " + MIN_BYTES + " are needed");
			}
		}
		return problems;
	}

}
