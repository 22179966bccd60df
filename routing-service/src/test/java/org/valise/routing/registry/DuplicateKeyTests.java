package org.valise.routing.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyTests {

	private static final String MISSION = "Permanent Mission of the Kingdom of Cambodia";

	@Test
	void ignoresCaseDiacriticsWhiteSpacePunctuationAndALabelBeforeTheReference() {
		assertThat(DuplicateKey.of(MISSION, "2021/01/105")).isPresent()
			.isEqualTo(DuplicateKey.of("  PERMANENT MISSION of the Kingdom of Cambodia. ", "No. 2021-01-105"))
			.isEqualTo(DuplicateKey.of("Permanent Mission of the Kingdom of Cambodia", "N° 2021 / 01 / 105"))
			.isEqualTo(DuplicateKey.of("Pérmanent Mission of the Kingdom of Cambodia", "2021.01.105"));
	}

	@Test
	void keepsTheBoundariesBetweenThePartsOfAReference() {
		assertThat(DuplicateKey.of(MISSION, "2021/01/105")).isNotEqualTo(DuplicateKey.of(MISSION, "2021/011/05"));
		assertThat(DuplicateKey.of(MISSION, "2021/01/105")).isNotEqualTo(DuplicateKey.of(MISSION, "2021/01/106"));
		assertThat(DuplicateKey.of(MISSION, "2021/01/105"))
			.isNotEqualTo(DuplicateKey.of("Permanent Mission of the Kingdom of Thailand", "2021/01/105"));
	}

	@Test
	void needsBothASenderAndAReference() {
		assertThat(DuplicateKey.of(null, "2021/01/105")).isEmpty();
		assertThat(DuplicateKey.of(MISSION, null)).isEmpty();
		assertThat(DuplicateKey.of(MISSION, " / - ")).isEmpty();
	}

}
