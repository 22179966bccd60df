package org.valise.system.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatiosTests {

	@Test
	void dividesValiseByTheBaselineRoundedToThreeDecimals() {
		assertThat(Ratios.of(20.5, 2024)).isEqualTo(0.0101);
		assertThat(Ratios.of(8, 18904)).isEqualTo(0.000423);
		assertThat(Ratios.of(1000, 2000)).isEqualTo(0.5);
		assertThat(Ratios.of(3, 1)).isEqualTo(3.0);
	}

	@Test
	void givesZeroWhenTheBaselineHasNoFigure() {
		assertThat(Ratios.of(10, 0)).isZero();
		assertThat(Ratios.of(10, Double.NaN)).isZero();
	}

	@Test
	void takesASharesOfARateAsAnOfferableRate() {
		assertThat(Ratios.share(130, 50)).isEqualTo(65.0);
		assertThat(Ratios.share(130, 80)).isEqualTo(104.0);
		assertThat(Ratios.share(15, 50)).isEqualTo(7.5);
		assertThat(Ratios.share(0, 50)).isEqualTo(0.5);
	}

}
