package org.valise.system.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateSearchTests {

	@Test
	void doublesThenBisectsTowardsTheLimit() {
		List<Double> tried = run(new RateSearch(10, 10_000, 4), 130);
		assertThat(tried).startsWith(10.0, 20.0, 40.0, 80.0, 160.0, 120.0, 140.0, 130.0);
		assertThat(search(new RateSearch(10, 10_000, 4), 130).maximum()).isBetween(120.0, 130.0);
	}

	@Test
	void stopsAtTheCapWhenEveryRateIsSustainable() {
		RateSearch search = search(new RateSearch(10, 50, 3), 1_000_000);
		assertThat(search.maximum()).isEqualTo(50.0);
	}

	@Test
	void halvesWhileTheStartIsTooHigh() {
		List<Double> tried = run(new RateSearch(40, 1000, 2), 12);
		assertThat(tried).startsWith(40.0, 20.0, 10.0, 15.0);
		assertThat(search(new RateSearch(40, 1000, 2), 12).maximum()).isBetween(10.0, 12.0);
	}

	@Test
	void findsNothingWhenNoRateIsSustainable() {
		assertThat(search(new RateSearch(4, 100, 2), 0.1).maximum()).isZero();
	}

	@Test
	void triesNothingBelowTheFloor() {
		assertThat(run(new RateSearch(8, 8, 0, 4), 1)).containsExactly(8.0, 4.0);
	}

	@Test
	void makesNoRefinementWhenToldNone() {
		assertThat(run(new RateSearch(10, 1000, 0), 30)).containsExactly(10.0, 20.0, 40.0);
	}

	private static List<Double> run(RateSearch search, double limit) {
		List<Double> tried = new ArrayList<>();
		for (OptionalDouble rate = search.next(); rate.isPresent() && tried.size() < 50; rate = search.next()) {
			tried.add(rate.getAsDouble());
			search.record(rate.getAsDouble(), rate.getAsDouble() <= limit);
		}
		return tried;
	}

	private static RateSearch search(RateSearch search, double limit) {
		run(search, limit);
		return search;
	}

}
