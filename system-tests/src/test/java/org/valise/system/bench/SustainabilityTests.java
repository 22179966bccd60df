package org.valise.system.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SustainabilityTests {

	@Test
	void acceptsAStepThatKeepsUpWithoutErrors() {
		assertThat(Sustainability.reasons(1000, 990, 3, 1200, 0, true)).isEmpty();
	}

	@Test
	void refusesAStepWhoseThroughputFallsBehind() {
		assertThat(Sustainability.reasons(1000, 960, 0, 1200, 0, true)).containsExactly("throughput 0.960 of offered");
	}

	@Test
	void refusesAStepWithAGrowingBacklogErrorsOrNoDrain() {
		assertThat(Sustainability.reasons(1000, 1000, 50, 1200, 2, false)).containsExactly("backlog 50 at the end",
				"2 errors", "not drained");
	}

	@Test
	void countsAnEmptyWindowAsKeepingUp() {
		assertThat(Sustainability.ratio(0, 0)).isEqualTo(1.0);
	}

}
