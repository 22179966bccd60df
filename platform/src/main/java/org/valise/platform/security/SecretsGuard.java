package org.valise.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * Stops a service at start, before it connects to anything, when it would run outside the local run with a secret
 * that is missing, too short or a development value ({@link SecretsCheck}).
 */
final class SecretsGuard implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(SecretsGuard.class);

	static final String LOCAL_PROFILE = "local";

	private final Environment environment;

	private final List<RequiredSecret> secrets;

	SecretsGuard(Environment environment, List<RequiredSecret> secrets) {
		this.environment = environment;
		this.secrets = List.copyOf(secrets);
	}

	@Override
	public void afterPropertiesSet() {
		if (this.environment.matchesProfiles(LOCAL_PROFILE)) {
			log.warn("Local profile: the secrets ({}) are not checked; never run it outside a developer's machine",
					String.join(", ", this.secrets.stream().map(RequiredSecret::variable).toList()));
			return;
		}
		List<String> problems = new ArrayList<>(SecretsCheck.problems(this.secrets, this.environment::getProperty));
		if (!problems.isEmpty()) {
			throw new InsecureConfigurationException(problems);
		}
		log.info("Secrets checked: {}", String.join(", ", this.secrets.stream().map(RequiredSecret::variable).toList()));
	}

}
