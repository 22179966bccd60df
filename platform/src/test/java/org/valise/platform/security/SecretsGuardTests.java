package org.valise.platform.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretsGuardTests {

	@Test
	void refusesToStartNamingEverySecretAtFaultIncludingThoseOfASecretMap() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("valise.required-secrets[0].variable", "VALISE_ACK_LINK_SECRET")
			.withProperty("valise.required-secrets[0].property", "valise.acknowledgement.link-secret")
			.withProperty("valise.required-secret-maps[0].variable-prefix", "VALISE_WEBHOOKS_SECRETS_")
			.withProperty("valise.required-secret-maps[0].property", "valise.webhooks.secrets")
			.withProperty("valise.webhooks.secrets.doe", "short")
			.withProperty("valise.acknowledgement.link-secret", "dev-only-acknowledgement-link-secret-of-the-local-run");

		assertThatExceptionOfType(InsecureConfigurationException.class).isThrownBy(() -> guard(environment))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.problems()).containsExactly(
					"VALISE_SCRAPER_PASSWORD is not set (valise.security.scraper.password)",
					"VALISE_ACK_LINK_SECRET holds a development value (dev-only-...), which is public: generate a "
							+ "secret of your own",
					"VALISE_WEBHOOKS_SECRETS_DOE is 5 bytes long: at least 32 are needed"));
	}

	@Test
	void letsTheLocalRunStartWithItsDevelopmentSecrets() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("local");

		assertThatCode(() -> guard(environment)).doesNotThrowAnyException();
	}

	@Test
	void letsAServiceWithRealSecretsStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("valise.security.scraper.password",
				"Zr8vQ1mX8pL1nR7tY4wZ6bC0dF5gH2jK");

		assertThatCode(() -> guard(environment)).doesNotThrowAnyException();
	}

	private static void guard(MockEnvironment environment) {
		SecretsGuard guard = new SecretsGuard();
		guard.setEnvironment(environment);
		guard.postProcessBeanFactory(new DefaultListableBeanFactory());
	}

}
