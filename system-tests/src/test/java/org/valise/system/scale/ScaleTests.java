package org.valise.system.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.valise.system.faults.FaultBench;
import org.valise.system.faults.Fleet;
import org.valise.system.faults.NoteLoad;
import org.valise.system.faults.ScenarioRow;
import org.valise.system.faults.ScenarioRun;
import org.valise.system.faults.Tokens;
import org.valise.system.faults.TopicArchive;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valise scaled out and broken: two instances of each service on a three-broker cluster (replication 3,
 * min.insync.replicas 2), an open-loop load of distinct notes spread over both intake instances, and a third of the
 * way in one instance of each service and one broker killed (-9) at once and restarted. Then, from the topics and from
 * every notification instance: no note lost, duplicated or stuck, every note numbered once and delivered once to its
 * destination and once to each office in copy, every note answered by every instance, exact search totals from each,
 * and how long the instances took to agree, no e-mail a reader sees twice. The fault suite's harness
 * (system-tests/FAULTS.md) runs it. An e-mail sent again with the same Message-ID after notification is killed
 * between the mail server's copy and its 250 is one message in the office's mailbox: printed, not counted.
 *
 * <pre>
 * ./mvnw -B verify -pl system-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ScaleTests
 *   (-Dvalise.scale=full: 1,000 notes)
 * </pre>
 */
class ScaleTests {

	private static final Path TABLES = Path.of("target", "scale").toAbsolutePath();

	private static final ScaleProfile profile = ScaleProfile.fromSystemProperties();

	private static FaultBench bench;

	private static Instant started;

	@BeforeAll
	static void startTheScaledFleet() throws Exception {
		started = Instant.now();
		bench = FaultBench.start(profile.faultProfile(), profile.layout());
	}

	@AfterAll
	static void stopIt() {
		if (bench != null) {
			bench.close();
		}
	}

	@Test
	void everyNoteSurvivesTheLossOfOneInstanceOfEachServiceAndABrokerAndEveryInstanceAnswersForIt() throws Exception {
		ScenarioRow row = bench.run(profile.scenario());
		ScenarioRun run = bench.runs().get(0);
		Fleet fleet = bench.fleet();
		Instant lastAccepted = run.submitted()
			.stream()
			.filter((s) -> s.result() == NoteLoad.Result.ACCEPTED)
			.map(NoteLoad.Submitted::settledAt)
			.max(Instant::compareTo)
			.orElse(run.startedAt());

		long expectedTotal;
		DeliveriesOnce deliveries;
		try (TopicArchive archive = new TopicArchive(fleet.bootstrapServers())) {
			archive.catchUp();
			expectedTotal = archive.received().size();
			deliveries = DeliveriesOnce.of(run.accepted(), archive.routed(), archive.deliveries());
		}
		InstanceAgreement.Result agreement = new InstanceAgreement(fleet.instances(Fleet.Service.NOTIFICATION),
				Tokens.clerk()).await(run.accepted(), expectedTotal, profile.agreementBound());
		Duration agreedAfter = agreement.agreed() ? Duration.between(lastAccepted, agreement.agreedAt()) : null;
		Duration agreedAfterHeal = agreement.agreed() ? Duration.between(run.healedAt(), agreement.agreedAt()) : null;
		if (profile.finalAudit()) {
			List<ScenarioRow> rows = bench.finish(); // waits out the attempt timeout: late second e-mails count too
			row = rows.get(0);
		}

		String table = ScaleTable.render(profile, row, agreement, deliveries, agreedAfter, agreedAfterHeal,
				Duration.between(started, Instant.now()));
		System.out.println(table);
		Files.createDirectories(TABLES);
		Files.writeString(TABLES.resolve("scale-table-" + profile.name() + ".md"), table);

		assertThat(row.completed()).as("the scenario was carried out").isTrue();
		assertThat(row.accepted()).as("notes accepted").isEqualTo(profile.notes());
		assertThat(row.unanswered()).as("notes unanswered").isZero();
		assertThat(row.lost()).as("notes lost").isZero();
		assertThat(row.duplicated()).as("events duplicated, notes registered or numbers given twice").isZero();
		assertThat(row.stuck()).as("notes stuck").isZero();
		assertThat(row.duplicateEmails()).as("e-mails a reader sees twice").isZero();
		assertThat(row.gaps()).as("registry numbers missing").isZero();
		assertThat(row.lag()).as("records not consumed at the audit").isZero();
		assertThat(deliveries.exact()).as("each note delivered once to its destination and once to each copy").isTrue();
		assertThat(deliveries.notes()).as("registered notes looked at").isEqualTo(row.accepted());
		assertThat(agreement.answeredBy().values()).as("notes each notification instance answered")
			.containsOnly(row.accepted());
		assertThat(agreement.searchTotals().values()).as("each instance's search total").containsOnly(expectedTotal);
		assertThat(agreement.agreed()).as("the instances agreed within " + profile.agreementBound()).isTrue();
	}

}
