package org.valise.system.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.valise.system.faults.Fleet.Service;

/**
 * Which scenarios run, at what rate, with what bounds: {@code ci} (the default: a few scenarios at a low rate, the
 * whole suite in about four minutes on two cores) or {@code full} ({@code -Dvalise.faults=full}: every fault, a minute
 * of load each, the long broker outage). {@code -Dvalise.faults.only=poison,oversized} keeps the scenarios whose name
 * contains one of the words.
 *
 * @param name ci or full
 * @param retryBudget how long a client keeps retrying one note
 * @param quietBound how long the harness waits at most for the system to fall quiet after a scenario
 * @param stall how long nothing may move (notes delivered, lag) before the harness stops waiting: longer than
 * notification-service's attempt timeout, after which an attempt cut short is made again
 * @param scenarios the scenarios, in order
 */
public record FaultProfile(String name, Duration retryBudget, Duration quietBound, Duration stall, List<Scenario> scenarios) {

	private static final double RATE = 10;

	/** The profile named by {@code valise.faults}, narrowed by {@code valise.faults.only}. */
	static FaultProfile fromSystemProperties() {
		FaultProfile profile = "full".equalsIgnoreCase(System.getProperty("valise.faults", "ci")) ? full() : ci();
		String only = System.getProperty("valise.faults.only", "").trim();
		if (only.isEmpty()) {
			return profile;
		}
		List<String> words = Arrays.stream(only.split(",")).map((w) -> w.trim().toLowerCase(Locale.ROOT)).toList();
		return new FaultProfile(profile.name() + " (only " + only + ")", profile.retryBudget(), profile.quietBound(),
				profile.stall(), profile.scenarios().stream().filter((s) -> words.stream().anyMatch(s.slug()::contains)).toList());
	}

	static FaultProfile ci() {
		Duration load = Duration.ofSeconds(15);
		return new FaultProfile("ci", Duration.ofSeconds(60), Duration.ofSeconds(150), Duration.ofSeconds(150), List.of(
				new Scenario("kill -9 notification after an e-mail", "notification-service killed the moment the mail "
						+ "server has an e-mail from it, restarted at once", RATE, load,
						Faults.killRightAfterAnEmail(Service.NOTIFICATION, seconds(8)), true),
				new Scenario("kill -9 routing x2", "routing-service killed twice mid-load, restarted at once each time",
						RATE, load, Faults.kill(Service.ROUTING, seconds(5), seconds(12)), false),
				new Scenario("poison records", "3 unreadable records written to notes.received.v1 mid-load", RATE, load,
						Faults.poison(seconds(8)), false),
				new Scenario("oversized notes", "notes of 300 KB, 600 KB and 1,040,000 bytes among the load", RATE,
						load, Faults.oversized(seconds(8), 300 * 1024, 600 * 1024, 1_040_000), false)));
	}

	static FaultProfile full() {
		Duration load = Duration.ofSeconds(60);
		Duration minute = Duration.ofSeconds(60);
		return new FaultProfile("full", Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(3), List.of(
				new Scenario("no fault (baseline)", "the load alone; recovery = the pipeline's own latency", RATE, load,
						Faults.none(seconds(10)), false),
				new Scenario("kill -9 routing x3", "routing-service killed 3 times, restarted at once each time", RATE,
						load, Faults.kill(Service.ROUTING, seconds(10), seconds(25), seconds(40)), false),
				new Scenario("kill -9 notification x3", "notification-service killed 3 times, restarted at once", RATE,
						load, Faults.kill(Service.NOTIFICATION, seconds(10), seconds(25), seconds(40)), true),
				new Scenario("kill -9 notification after an e-mail", "notification-service killed the moment the mail "
						+ "server has an e-mail from it, restarted at once", RATE, load,
						Faults.killRightAfterAnEmail(Service.NOTIFICATION, seconds(20)), true),
				new Scenario("kill -9 intake x3", "intake-service killed 3 times; clients retry with their Idempotency-Key",
						RATE, load, Faults.kill(Service.INTAKE, seconds(10), seconds(25), seconds(40)), false),
				new Scenario("SIGSTOP routing 60 s", "routing-service frozen past the session timeout (45 s), then SIGCONT",
						RATE, load, Faults.freeze(Service.ROUTING, seconds(10), minute), false),
				new Scenario("SIGSTOP notification 60 s",
						"notification-service frozen past the session timeout (45 s), then SIGCONT", RATE, load,
						Faults.freeze(Service.NOTIFICATION, seconds(10), minute), true),
				new Scenario("broker down 60 s", "the broker killed (-9) for 60 s, restarted on its data", RATE, load,
						Faults.brokerDown(seconds(15), minute), true),
				new Scenario("broker down 6 min", "the broker killed (-9) for 6 minutes, restarted on its data", RATE,
						load, Faults.brokerDown(seconds(15), Duration.ofMinutes(6)), true),
				new Scenario("poison records", "3 unreadable records written to notes.received.v1 mid-load", RATE, load,
						Faults.poison(seconds(20)), false),
				new Scenario("failing webhook office", "office " + Fleet.WEBHOOK_OFFICE
						+ "'s webhook answers 500 for 60 s, then 204", RATE, load,
						Faults.failingWebhook(seconds(10), minute), false),
				new Scenario("slow SMTP server", "every SMTP reply 2 s late for 150 s (longer than the 2 min attempt "
						+ "timeout)", RATE, load, Faults.slowSmtp(seconds(10), Duration.ofSeconds(150), Duration.ofSeconds(2)),
						true),
				new Scenario("oversized notes", "notes of 300 KB, 565 KB, 900 KB and 1,040,000 bytes among the load",
						RATE, load, Faults.oversized(seconds(20), 300 * 1024, 565 * 1024, 900 * 1024, 1_040_000),
						false)));
	}

	private static Duration seconds(int seconds) {
		return Duration.ofSeconds(seconds);
	}

}
