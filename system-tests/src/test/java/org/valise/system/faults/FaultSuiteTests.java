package org.valise.system.faults;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite: the packaged services as processes over a real broker process, an open-loop load of distinct
 * notes, and each fault of the profile ({@link FaultProfile}: {@code ci} by default, {@code -Dvalise.faults=full})
 * injected, healed, waited out and audited from the topics read from the beginning {@code read_committed}. Every
 * accepted note must be received, routed and delivered once, no event twice, numbers gap-free, one e-mail per
 * delivery, the consumer lag back to 0. See {@code system-tests/FAULTS.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTests {

	private final FaultProfile profile = FaultProfile.fromSystemProperties();

	private FaultBench bench;

	private Instant started;

	@BeforeAll
	void startFleet() throws Exception {
		// The faults break connections on purpose (a service killed mid-SMTP-dialogue makes GreenMail's handler thread
		// fail): such a thread's exception is no failure of the condition a test awaits.
		Awaitility.doNotCatchUncaughtExceptionsByDefault();
		this.started = Instant.now();
		System.out.println("[fault] profile " + this.profile.name() + ": "
				+ this.profile.scenarios().stream().map(Scenario::name).toList());
		this.bench = FaultBench.start(this.profile);
	}

	@AfterAll
	void stopFleet() {
		if (this.bench != null) {
			this.bench.close();
		}
		Processes.killAll();
		Awaitility.reset();
		System.out.println("[fault] suite over in " + Duration.between(this.started, Instant.now()).toSeconds() + " s");
	}

	@Test
	@Order(1)
	void servicesRunWithIdempotentProducersAndExactlyOnceStreams() {
		Map<String, List<ClientSettings>> settings = new HashMap<>();
		this.bench.fleet().services().forEach((service, node) -> settings.put(node.name(),
				ClientSettings.in(node.name(), node.firstIncarnationLog())));
		System.out.println("[fault] Kafka client settings the services logged at start:");
		settings.values().stream().flatMap(List::stream).forEach((s) -> System.out.println("  " + s.summary()));

		SoftAssertions softly = new SoftAssertions();
		settings.forEach((service, blocks) -> {
			List<ClientSettings> producers = blocks.stream().filter((s) -> s.kind().equals("ProducerConfig")).toList();
			softly.assertThat(producers).as(service + " logs its producers' settings").isNotEmpty();
			producers.forEach((producer) -> {
				softly.assertThat(producer.get("acks")).as(service + " " + producer.clientId() + " acks").isIn("all", "-1");
				softly.assertThat(producer.get("enable.idempotence"))
					.as(service + " " + producer.clientId() + " enable.idempotence")
					.isEqualTo("true");
			});
		});
		List<String> transactionalIds = new ArrayList<>();
		for (String service : List.of("routing-service", "notification-service")) {
			List<ClientSettings> blocks = settings.getOrDefault(service, List.of());
			softly.assertThat(blocks.stream().filter((s) -> s.kind().equals("StreamsConfig")))
				.as(service + " logs its Kafka Streams settings")
				.isNotEmpty()
				.allSatisfy((streams) -> assertThat(streams.get("processing.guarantee")).isEqualTo("exactly_once_v2"));
			blocks.stream().filter((s) -> s.kind().equals("ConsumerConfig")).forEach((consumer) ->
				softly.assertThat(consumer.get("isolation.level"))
					.as(service + " " + consumer.clientId() + " isolation.level")
					.isEqualTo("read_committed"));
			List<String> ids = blocks.stream()
				.filter((s) -> s.kind().equals("ProducerConfig") && s.clientId().contains("StreamThread"))
				.map((s) -> s.get("transactional.id"))
				.toList();
			softly.assertThat(ids).as(service + "'s stream threads' transactional ids").isNotEmpty().doesNotContainNull();
			transactionalIds.addAll(ids);
		}
		softly.assertThat(transactionalIds).as("transactional ids, unique per instance").doesNotHaveDuplicates();
		System.out.println("[fault] transactional ids: " + transactionalIds);
		softly.assertAll();
	}

	@TestFactory
	@Order(2)
	Stream<DynamicTest> eachFaultLeavesEveryAcceptedNoteDeliveredOnce() {
		Stream<DynamicTest> scenarios = this.profile.scenarios().stream().map((scenario) -> DynamicTest.dynamicTest(
				scenario.name(), () -> assertClean(this.bench.run(scenario))));
		Stream<DynamicTest> last = Stream.of(DynamicTest.dynamicTest("final audit after the attempt timeout", () -> {
			List<ScenarioRow> rows = this.bench.finish();
			String table = ResultTable.render("Fault suite, profile " + this.profile.name() + ", " + Instant.now(), rows,
					true);
			System.out.println(table);
			Files.createDirectories(FaultHarness.RUN);
			Files.writeString(FaultHarness.RUN.resolve("fault-table.md"), table);
			Files.writeString(FaultHarness.LOGS.resolve("fault-table-" + this.profile.name().split(" ")[0] + ".md"),
					table);
			SoftAssertions softly = new SoftAssertions();
			rows.forEach((row) -> softly.assertThat(row.clean()).as(row.scenario() + ": " + row).isTrue());
			softly.assertAll();
		}));
		return Stream.concat(scenarios, last);
	}

	private static void assertClean(ScenarioRow row) {
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(row.accepted()).as("accepted").isPositive();
		softly.assertThat(row.unanswered()).as("unanswered").isZero();
		softly.assertThat(row.lost()).as("lost").isZero();
		softly.assertThat(row.duplicated()).as("duplicated events").isZero();
		softly.assertThat(row.stuck()).as("stuck").isZero();
		softly.assertThat(row.duplicateEmails()).as("duplicate e-mails").isZero();
		softly.assertThat(row.gaps()).as("registry number gaps").isZero();
		softly.assertThat(row.lag()).as("consumer lag").isZero();
		if (!softly.wasSuccess()) {
			System.out.println("[fault] " + row.scenario() + " details: " + String.join("\n  ", row.details()));
		}
		softly.assertAll();
	}

}
