package org.valise.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the local run a service refuses to start on a secret that is missing, too short or a development value,
 * naming the variable to set; it does so before it connects to anything (no broker is running here).
 */
class SecretsAtStartTests {

	private static final Duration EXIT = Duration.ofSeconds(90);

	@Test
	void refusesToStartNotificationWithoutItsSecretsNamingEachVariable() throws Exception {
		try (ServiceProcess notification = ServiceProcess.start("notification-service", ServiceProcess.freePort(),
				Map.of("SPRING_PROFILES_ACTIVE", "", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"))) {
			assertThat(notification.awaitExit(EXIT)).isNotZero();
			assertThat(notification.log()).contains("The service refuses to start with this configuration")
				.contains("VALISE_ACK_LINK_SECRET")
				.contains("VALISE_SCRAPER_PASSWORD is not set")
				.doesNotContain("Started NotificationServiceApplication");
		}
	}

	@Test
	void refusesDevelopmentAndShortSecretsOutsideTheLocalRun() throws Exception {
		try (ServiceProcess intake = ServiceProcess.start("intake-service", ServiceProcess.freePort(),
				Map.of("SPRING_PROFILES_ACTIVE", "", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
						"VALISE_SCRAPER_PASSWORD", "dev-only-scraper-password-of-the-local-run"));
				ServiceProcess routing = ServiceProcess.start("routing-service", ServiceProcess.freePort(),
						Map.of("SPRING_PROFILES_ACTIVE", "", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
								"VALISE_SCRAPER_PASSWORD", "too-short"))) {
			assertThat(intake.awaitExit(EXIT)).isNotZero();
			assertThat(routing.awaitExit(EXIT)).isNotZero();
			assertThat(intake.log()).contains("VALISE_SCRAPER_PASSWORD holds a development value");
			assertThat(routing.log()).contains("VALISE_SCRAPER_PASSWORD is 9 bytes long: at least 32 are needed");
		}
	}

}
