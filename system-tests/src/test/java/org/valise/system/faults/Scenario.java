package org.valise.system.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * One row of the fault table: a load of distinct notes at a constant rate for a while, a fault during it, then quiet.
 *
 * @param name the row's name
 * @param description what happens, in a sentence
 * @param notesPerSecond the load's arrival rate
 * @param load how long notes arrive
 * @param fault what goes wrong and is healed
 * @param disturbsDelivery whether the fault can cut an e-mail off from its outcome (a second copy may follow after
 * notification-service's attempt timeout, so the final audit waits for it)
 */
public record Scenario(String name, String description, double notesPerSecond, Duration load, Fault fault,
		boolean disturbsDelivery) {

	/** The name as a key fragment: lower case letters, digits and dashes. */
	String slug() {
		return this.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
