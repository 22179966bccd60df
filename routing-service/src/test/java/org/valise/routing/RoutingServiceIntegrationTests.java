package org.valise.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.valise.routing.SampleNoteEvents.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import org.valise.platform.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry end to end on a real (embedded) broker: contract-valid NoteReceived records in, NoteRouted records
 * out, read back as a downstream registry would ({@code read_committed}).
 */
class RoutingServiceIntegrationTests extends BrokerTestSupport {

	private static final String SEED = "seed-cambodia-iom-2021-01-105.txt";

	@Autowired
	private MeterRegistry meters;

	@Test
	void registersAndRoutesEachNoteExactlyOnceWithConsecutiveNumbers() {
		// given
		List<String> files = List.of(SEED, "dev-04-nepal-department-policy-research.txt",
				"dev-06-sri-lanka-two-enclosures-minister-and-ambassador.txt");
		List<String> noteIds = new ArrayList<>();

		// when: each note in turn, as intake publishes them
		for (String file : files) {
			String noteId = sendWithEvidence(SampleNoteEvents.get(file));
			noteIds.add(noteId);
			awaitRouted(noteId);
		}

		// then
		String prefix = "IN/" + Year.now(ZoneOffset.UTC).getValue() + "/";
		List<Long> numbers = noteIds.stream()
			.map(id -> body(id).get("registryNumber").asString())
			.peek(number -> assertThat(number).startsWith(prefix).hasSize(prefix.length() + 6))
			.map(number -> Long.parseLong(number.substring(prefix.length())))
			.toList();
		assertThat(numbers).containsExactly(numbers.get(0), numbers.get(0) + 1, numbers.get(0) + 2);
		JsonNode seed = body(noteIds.get(0));
		assertThat(seed.get("destination").get("name").asString()).isEqualTo("Office of the Director General");
		assertThat(seed.get("destination").get("holder").asString()).isEqualTo("Amy Pope");
		assertThat(seed.get("outcome").asString()).isEqualTo("ROUTED");
		assertThat(seed.get("priority").asString()).isEqualTo("HIGH");
		assertThat(seed.get("explanation").get("rule").asString()).isEqualTo("highest-destination");
		assertThat(seed.get("explanation").get("evidence").get(0).asString())
			.contains("conveyed to its highest destination");
		assertThat(seed.get("note").get("reference").asString()).startsWith("2021/01/105");
		// the text stays on notes.received.v1: the event carries the note's bounded fields, no copy of the text
		assertThat(seed.has("text")).isFalse();
		assertThat(Instant.parse(seed.get("acknowledgementDeadline").asString()))
			.isEqualTo(Instant.parse(seed.get("routedAt").asString()).plus(Duration.ofDays(2)));
		assertThat(seed.get("revision").asInt()).isEqualTo(1);
		assertThat(seed.get("decidedBy").asString()).isEqualTo("rules");
		assertThat(seed.get("reason").isNull()).isTrue();
		assertThat(seed.get("duplicateOf").isNull()).isTrue();
		assertThat(body(noteIds.get(1)).get("destination").get("id").asString()).isEqualTo("DPR");
		assertThat(body(noteIds.get(2)).get("copies").get(0).get("office").get("id").asString()).isEqualTo("DDGO");
		assertThat(body(noteIds.get(2)).get("copies").get(0).get("purpose").asString()).isEqualTo("ACTION");
		assertThat(header(this.routed.get(noteIds.get(0)).get(0).headers(), "ce_source"))
			.isEqualTo("/valise/routing-service");
		assertThat(header(this.routed.get(noteIds.get(0)).get(0).headers(), "ce_dataschema"))
			.isEqualTo("https://valise.org/contracts/schemas/note-routed.v1.schema.json");
		// exactly once: one record per note, after another look at the topic
		poll();
		assertThat(noteIds).allSatisfy(id -> assertThat(this.routed.get(id)).hasSize(1));
		assertAllHonoured();
	}

	@Test
	void servesTheDirectoryHealthAndRoutedNoteCounts() {
		String noteId = send(SampleNoteEvents.get("dev-12-uruguay-protocol-credentials-es.txt"));
		awaitRouted(noteId);

		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/directory")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly("ODG", "DDGO", "DDGMR", "DMM", "DPR", "DOE", "OLA", "PROTOCOL", "TRIAGE");
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
		assertThat(this.meters.counter("valise.notes.routed", "office", "PROTOCOL", "rule", "recipient-office").count())
			.isGreaterThanOrEqualTo(1.0);
		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, TestTokens.scraperAuthorization()).uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("valise_notes_routed_total{application=\"routing-service\",office=\"PROTOCOL\",rule=\"recipient-office\"}");
	}

	/** Publishes the sample with intake's evidence span for the highest-destination phrase, when it has one. */
	private String sendWithEvidence(Sample sample) {
		String noteId = java.util.UUID.randomUUID().toString();
		ObjectNode body = noteReceived(sample, noteId, uniqueReference(sample));
		if (sample.file().equals(SEED)) {
			String phrase = "conveyed to its highest destination";
			int start = sample.text().indexOf(phrase);
			ObjectNode span = ((ObjectNode) body.get("note")).putObject("evidence").putObject("highestDestination");
			span.put("start", start).put("end", start + phrase.length()).put("text", phrase);
		}
		send(noteId, body);
		return noteId;
	}

}
