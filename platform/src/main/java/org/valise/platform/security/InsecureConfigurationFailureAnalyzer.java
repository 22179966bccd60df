package org.valise.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused configuration into the start-up report an operator reads: each problem on its own line, then what
 * to do.
 */
class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
		return new FailureAnalysis(
				"The service refuses to start with this configuration:\n  - " + String.join("\n  - ", cause.problems()),
				"Set each variable named above in the service's environment (secrets: at least 32 random bytes, e.g. "
						+ "openssl rand -base64 48). Development values are accepted only with the 'local' profile "
						+ "(./valise up).",
				cause);
	}

}
