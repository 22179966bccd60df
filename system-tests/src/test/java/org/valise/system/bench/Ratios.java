package org.valise.system.bench;

import java.math.BigDecimal;
import java.math.MathContext;

/** Valise's figures as ratios to a baseline's, to 3 significant digits; 0 when the baseline has no figure. */
final class Ratios {

	private Ratios() {
	}

	/** How many times the baseline's figure Valise's is (a rate: higher is better for Valise). */
	static double of(double valise, double baseline) {
		if (baseline <= 0 || Double.isNaN(baseline) || Double.isNaN(valise)) {
			return 0;
		}
		return new BigDecimal(valise / baseline).round(new MathContext(3)).doubleValue();
	}

	/** A percentage of a rate (50 % and 80 % of the maximum), as a rate that can be offered. */
	static double share(double rate, double percent) {
		double share = rate * percent / 100;
		return (share >= 20) ? Math.round(share) : Math.max(0.5, Math.round(share * 10) / 10.0);
	}

}
