package org.valise.system.scale;

import java.time.Duration;
import java.util.List;

import org.valise.system.faults.FaultProfile;
import org.valise.system.faults.Fleet;
import org.valise.system.faults.Faults;
import org.valise.system.faults.Scenario;

/**
 * How much the scale test does: {@code ci} (the default, ~150 notes, a few minutes on two cores) or {@code full}
 * ({@code -Dvalise.scale=full}: 1,000 notes). Both kill -9 one instance of each service and one broker a third of the
 * way into the load, and restart them.
 *
 * @param name ci or full
 * @param notes how many distinct notes the load submits
 * @param notesPerSecond the load's arrival rate (open loop)
 * @param retryBudget how long a client keeps retrying one note
 * @param quietBound how long the harness waits at most for every note to be delivered and the lag to be 0
 * @param agreementBound how long the instances may take to agree once the system is quiet
 * @param finalAudit whether to wait out notification's attempt timeout and audit again (late second e-mails)
 */
record ScaleProfile(String name, int notes, double notesPerSecond, Duration retryBudget, Duration quietBound,
		Duration agreementBound, boolean finalAudit) {

	static ScaleProfile fromSystemProperties() {
		return "full".equalsIgnoreCase(System.getProperty("valise.scale", "ci")) ? full() : ci();
	}

	static ScaleProfile ci() {
		return new ScaleProfile("ci", 150, 10, Duration.ofSeconds(60), Duration.ofSeconds(150), Duration.ofSeconds(60),
				false);
	}

	static ScaleProfile full() {
		return new ScaleProfile("full", 1000, 10, Duration.ofMinutes(10), Duration.ofMinutes(10),
				Duration.ofMinutes(3), true);
	}

	/**
	 * Two instances of each service on three brokers; intake lets the test's one registry client submit at the load's
	 * rate with room for its retries (its default, 60 a minute per client and instance, is a guard against a runaway
	 * client, not a registry's sustained rate).
	 */
	Fleet.Layout layout() {
		return new Fleet.Layout(2, 3, (int) Math.ceil(this.notesPerSecond * 60 * 2));
	}

	/** How long the notes arrive. */
	Duration load() {
		return Duration.ofMillis(Math.round(this.notes * 1000 / this.notesPerSecond));
	}

	/** The one scenario: the load, and the kill -9 of one instance of each service and one broker a third in. */
	Scenario scenario() {
		return new Scenario("scale " + this.name + ": kill -9 one instance of each service and a broker",
				this.notes + " notes at " + this.notesPerSecond + " notes/s over 2 instances of each service and "
						+ "3 brokers; one of each killed a third of the way in, restarted at once",
				this.notesPerSecond, load(), Faults.killOneInstanceOfEachAndABroker(load().dividedBy(3)), true);
	}

	/** The scenario as the fault bench runs it (no stall cut-off shorter than the bound). */
	FaultProfile faultProfile() {
		return new FaultProfile("scale-" + this.name, this.retryBudget, this.quietBound, this.quietBound,
				List.of(scenario()));
	}

}
