package org.valise.system.bench;

import java.util.OptionalDouble;

/**
 * The search for the maximum sustainable rate: the rate doubles from a start while each step is sustainable (up to a
 * cap), halves while the first steps are not, then bisects between the best sustainable rate and the lowest
 * unsustainable one a bounded number of times (or until they are within 5 % of each other).
 */
final class RateSearch {

	private final double start;

	private final double cap;

	private final int refinements;

	private final double floor;

	private double good;

	private double bad = Double.POSITIVE_INFINITY;

	private int trials;

	private int bisections;

	RateSearch(double start, double cap, int refinements) {
		this(start, cap, refinements, 1.0);
	}

	/** @param floor the lowest rate tried when the first steps are not sustainable */
	RateSearch(double start, double cap, int refinements, double floor) {
		if (start <= 0 || cap < start || refinements < 0) {
			throw new IllegalArgumentException("start " + start + ", cap " + cap + ", refinements " + refinements);
		}
		this.start = start;
		this.cap = cap;
		this.refinements = refinements;
		this.floor = floor;
	}

	/** The next rate to try (notes/s), or empty when the search is over. */
	OptionalDouble next() {
		if (this.trials == 0) {
			return OptionalDouble.of(this.start);
		}
		if (this.bad == Double.POSITIVE_INFINITY) {
			return (this.good >= this.cap) ? OptionalDouble.empty()
					: OptionalDouble.of(round(Math.min(this.cap, this.good * 2)));
		}
		if (this.good == 0) {
			double lower = round(this.bad / 2);
			return (lower < this.floor) ? OptionalDouble.empty() : OptionalDouble.of(lower);
		}
		if (this.bisections >= this.refinements || (this.bad - this.good) <= 0.05 * this.good) {
			return OptionalDouble.empty();
		}
		double middle = round((this.good + this.bad) / 2);
		return (middle <= this.good || middle >= this.bad) ? OptionalDouble.empty() : OptionalDouble.of(middle);
	}

	/** What a step at that rate came to. */
	void record(double rate, boolean sustainable) {
		boolean bisecting = this.good > 0 && this.bad != Double.POSITIVE_INFINITY;
		this.trials++;
		if (bisecting) {
			this.bisections++;
		}
		if (sustainable) {
			this.good = Math.max(this.good, rate);
		}
		else {
			this.bad = Math.min(this.bad, rate);
		}
	}

	/** The highest sustainable rate found (0 if none). */
	double maximum() {
		return this.good;
	}

	private static double round(double rate) {
		return (rate >= 20) ? Math.round(rate) : Math.round(rate * 10) / 10.0;
	}

}
