package org.valise.routing;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.valise.routing.SampleNoteEvents.Sample;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The organisation directory is a watched file: rewriting it changes routing without a restart, and an invalid
 * rewrite is rejected with an ERROR while the last good directory stays in force.
 */
@ExtendWith(OutputCaptureExtension.class)
class DirectoryReloadTests extends BrokerTestSupport {

	private final Sample nepal = SampleNoteEvents.get("dev-04-nepal-department-policy-research.txt");

	@AfterAll
	void restoreTheDirectory() {
		writeDirectory(iomDirectory());
		awaitDirectoryWith("DPR");
	}

	@Test
	void routesByTheRewrittenDirectoryWithoutRestartAndKeepsTheLastGoodOneWhenARewriteIsInvalid(CapturedOutput output) {
		// given
		String before = send(this.nepal);
		awaitRouted(before);
		assertThat(body(before).get("destination").get("id").asString()).isEqualTo("DPR");

		// when: the research department gets a new id and name
		writeDirectory(iomDirectory().replace("id: DPR", "id: RESEARCH")
			.replace("name: Department of Policy and Research",
					"name: Department of Policy and Research (Migration Data Portal)"));
		awaitDirectoryWith("RESEARCH");
		String after = send(this.nepal);
		awaitRouted(after);

		// then
		assertThat(body(after).get("destination").get("id").asString()).isEqualTo("RESEARCH");
		assertThat(body(after).get("destination").get("name").asString())
			.isEqualTo("Department of Policy and Research (Migration Data Portal)");

		// when: an invalid rewrite (a parent that does not exist)
		writeDirectory(iomDirectory().replace("parent: DDGMR", "parent: NOWHERE"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getAll()).contains("Rejected the changed organisation directory"));
		String meanwhile = send(this.nepal);
		awaitRouted(meanwhile);

		// then: the last good directory stays, and the log names the problem
		assertThat(output.getAll()).contains("office 'DPR': parent 'NOWHERE' is not an office of the directory");
		assertThat(body(meanwhile).get("destination").get("id").asString()).isEqualTo("RESEARCH");
		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/directory")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.contains("RESEARCH")
			.doesNotContain("DPR");
		assertHonoured(this.routed.get(meanwhile).get(0));
	}

	private void awaitDirectoryWith(String officeId) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/directory")).hasStatusOk()
				.bodyJson()
				.extractingPath("$[*].id")
				.asArray()
				.contains(officeId));
	}

}
