package org.valise.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.routing.SampleNoteEvents.Sample;
import org.valise.routing.routing.RoutingPolicyTests;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample note, published as intake would (the expected fields and the raw text), comes out of the broker
 * routed with an explanation: every one of the regression set to the office {@code expected.jsonl} names, and of the
 * wider world at least the share the routing rules reach in plain unit tests.
 */
class SampleNotesRoutingTests extends BrokerTestSupport {

	@Test
	void routesEverySampleNoteThroughTheBrokerToItsExpectedOfficeWithAnExplanation() {
		// given
		List<Sample> samples = SampleNoteEvents.all();

		// when
		Map<String, Sample> sent = new LinkedHashMap<>();
		samples.forEach(sample -> sent.put(send(sample), sample));

		// then
		sent.keySet().forEach(this::awaitRouted);
		StringBuilder table = new StringBuilder();
		List<String> widerWorldMisrouted = new ArrayList<>();
		sent.forEach((noteId, sample) -> {
			JsonNode routed = body(noteId);
			JsonNode explanation = routed.get("explanation");
			String office = routed.get("destination").get("name").asString();
			table.append(String.format("  %-62s -> %-8s %-20s %s%n", sample.file(),
					routed.get("destination").get("id").asString(), explanation.get("rule").asString(),
					routed.get("registryNumber").asString()));
			assertThat(explanation.get("rule").asString()).as(sample.file()).isNotBlank();
			assertThat(explanation.get("summary").asString()).as(sample.file()).isNotBlank();
			assertThat(routed.get("outcome").asString()).as(sample.file())
				.isEqualTo(office.equals("Registry triage") ? "TRIAGE" : "ROUTED");
			if (routed.get("outcome").asString().equals("ROUTED")) {
				assertThat(explanation.get("evidence").size()).as(sample.file()).isPositive();
			}
			if (sample.regression()) {
				assertThat(office).as(sample.file()).isEqualTo(sample.routeTo());
			}
			else if (!office.equals(sample.routeTo())) {
				widerWorldMisrouted.add(sample.file());
			}
		});
		System.out.print(table);
		long widerWorld = samples.stream().filter(sample -> !sample.regression()).count();
		assertThat(sent).hasSize(samples.size());
		assertThat(1.0 - (double) widerWorldMisrouted.size() / widerWorld).as("wider world routed right, missed: %s",
				widerWorldMisrouted)
			.isGreaterThanOrEqualTo(RoutingPolicyTests.WIDER_WORLD_FLOOR);
		assertThat(sent.keySet()).extracting(id -> body(id).get("registryNumber").asString()).doesNotHaveDuplicates();
		assertAllHonoured();
	}

}
