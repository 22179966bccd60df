package org.valise.routing.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegistryNumberTests {

	@Test
	void padsTheSequenceOfTheYear() {
		assertThat(new RegistryNumber("IN", 2026, 123, 6)).hasToString("IN/2026/000123");
		assertThat(new RegistryNumber("IN", 2026, 1, 6)).hasToString("IN/2026/000001");
	}

	@Test
	void growsBeyondItsPaddingRatherThanWrapping() {
		assertThat(new RegistryNumber("REG", 2027, 1_234_567, 6)).hasToString("REG/2027/1234567");
	}

	@Test
	void rejectsSequencesBelowOneAndSillyPaddings() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RegistryNumber("IN", 2026, 0, 6));
		assertThatIllegalArgumentException().isThrownBy(() -> new RegistryNumber("IN", 2026, 1, 0));
	}

}
