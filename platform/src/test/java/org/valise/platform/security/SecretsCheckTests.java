package org.valise.platform.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsCheckTests {

	private static final List<RequiredSecret> SECRETS = List.of(
			new RequiredSecret("VALISE_ACK_LINK_SECRET", "valise.acknowledgement.link-secret"),
			new RequiredSecret("VALISE_SCRAPER_PASSWORD", "valise.security.scraper.password"));

	@Test
	void acceptsSecretsOfAtLeast32BytesThatAreNoDevelopmentValue() {
		Map<String, String> values = Map.of("valise.acknowledgement.link-secret", "k3J9vQ2mX8pL1nR7tY4wZ6bC0dF5gH2j",
				"valise.security.scraper.password", "a-long-enough-password-of-my-own-choosing");

		assertThat(SecretsCheck.problems(SECRETS, values::get)).isEmpty();
	}

	@Test
	void namesTheVariableOfEveryMissingShortOrDevelopmentSecret() {
		Map<String, String> values = Map.of("valise.acknowledgement.link-secret", "dev-only-acknowledgement-link-secret",
				"valise.security.scraper.password", "short");

		assertThat(SecretsCheck.problems(SECRETS, values::get)).containsExactly(
				"VALISE_ACK_LINK_SECRET holds a development value (dev-only-...), which is public: generate a secret of "
						+ "your own",
				"VALISE_SCRAPER_PASSWORD is 5 bytes long: at least 32 are needed");
		assertThat(SecretsCheck.problems(SECRETS, (property) -> null))
			.containsExactly("VALISE_ACK_LINK_SECRET is not set (valise.acknowledgement.link-secret)",
					"VALISE_SCRAPER_PASSWORD is not set (valise.security.scraper.password)");
	}

	@Test
	void countsBytesNotCharacters() {
		String sixteenCharactersOf2Bytes = "éééééééééééééééé";

		assertThat(SecretsCheck.problems(List.of(SECRETS.get(0)), (property) -> sixteenCharactersOf2Bytes)).isEmpty();
	}

}
