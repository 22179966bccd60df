package org.valise.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.routing.SampleNotes.Sample;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample note of {@code shared/notes}, published as intake would (the expected fields and the raw text),
 * comes out of the broker routed to the office {@code expected.jsonl} names, with an explanation.
 */
class SampleNotesRoutingTests extends BrokerTestSupport {

	@Test
	void routesEverySampleNoteThroughTheBrokerToItsExpectedOfficeWithAnExplanation() {
		// given
		List<Sample> samples = SampleNotes.all();

		// when
		Map<String, Sample> sent = new LinkedHashMap<>();
		samples.forEach(sample -> sent.put(send(sample), sample));

		// then
		sent.keySet().forEach(this::awaitRouted);
		StringBuilder table = new StringBuilder();
		sent.forEach((noteId, sample) -> {
			JsonNode routed = body(noteId);
			JsonNode explanation = routed.get("explanation");
			table.append(String.format("  %-62s -> %-8s %-20s %s%n", sample.file(),
					routed.get("destination").get("id").asString(), explanation.get("rule").asString(),
					routed.get("registryNumber").asString()));
			assertThat(routed.get("destination").get("name").asString()).as(sample.file()).isEqualTo(sample.routeTo());
			assertThat(explanation.get("rule").asString()).as(sample.file()).isNotBlank();
			assertThat(explanation.get("summary").asString()).as(sample.file()).isNotBlank();
			assertThat(routed.get("outcome").asString()).as(sample.file())
				.isEqualTo(sample.routeTo().equals("Registry triage") ? "TRIAGE" : "ROUTED");
			if (routed.get("outcome").asString().equals("ROUTED")) {
				assertThat(explanation.get("evidence").size()).as(sample.file()).isPositive();
			}
		});
		System.out.print(table);
		assertThat(sent).hasSize(13);
		assertThat(sent.keySet()).extracting(id -> body(id).get("registryNumber").asString()).doesNotHaveDuplicates();
		assertAllHonoured();
	}

}
