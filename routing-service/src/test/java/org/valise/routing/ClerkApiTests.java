package org.valise.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.valise.routing.SampleNoteEvents.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry clerks' API on the running topology: triage, manual routing and rerouting (new revisions published
 * through the registry topology), the history of decisions, preview, and the refusals.
 */
class ClerkApiTests extends BrokerTestSupport {

	private final Sample junk = SampleNoteEvents.get("dev-10-junk-spam-consignment.txt");

	private final Sample nepal = SampleNoteEvents.get("dev-04-nepal-department-policy-research.txt");

	@Test
	void routesANoteFromTriageThenReroutesItPublishingRevisionsWithTheSameNumber() {
		// given: a note no rule can route
		String noteId = send(this.junk);
		awaitRouted(noteId);
		JsonNode first = body(noteId);
		assertThat(first.get("outcome").asString()).isEqualTo("TRIAGE");
		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/triage")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].noteId")
			.asArray()
			.contains(noteId);

		// when: a clerk routes it, then reroutes it with a copy for action
		assertThat(write("/api/v1/notes/{id}/routing", noteId,
				Map.of("officeId", "DMM", "reason", "A consignment at the border: the migration department checks it.")))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> assertThat(json).extractingPath("$.decision.revision").isEqualTo(2))
			.satisfies(json -> assertThat(json).extractingPath("$.status").isEqualTo("APPLIED"));
		awaitRouted(noteId, 2);
		assertThat(write("/api/v1/notes/{id}/routing", noteId, Map.of("officeId", "DPR", "reason",
				"On second reading it is a research question.", "copies",
				List.of(Map.of("officeId", "DOE", "purpose", "ACTION")))))
			.hasStatusOk();
		awaitRouted(noteId, 3);

		// then: revisions 2 and 3 on the topic, from the registry topology, same number
		JsonNode second = body(noteId, 1);
		JsonNode third = body(noteId, 2);
		assertThat(second.get("revision").asInt()).isEqualTo(2);
		assertThat(second.get("outcome").asString()).isEqualTo("ROUTED");
		assertThat(second.get("destination").get("id").asString()).isEqualTo("DMM");
		assertThat(second.get("decidedBy").asString()).isEqualTo("registry");
		assertThat(second.get("reason").asString()).startsWith("A consignment at the border");
		assertThat(second.get("explanation").get("rule").asString()).isEqualTo("manual");
		assertThat(second.get("registryNumber").asString()).isEqualTo(first.get("registryNumber").asString());
		assertThat(second.get("registeredAt").asString()).isEqualTo(first.get("registeredAt").asString());
		assertThat(third.get("revision").asInt()).isEqualTo(3);
		assertThat(third.get("destination").get("id").asString()).isEqualTo("DPR");
		assertThat(third.get("copies").get(0).get("office").get("id").asString()).isEqualTo("DOE");
		assertThat(third.get("copies").get(0).get("purpose").asString()).isEqualTo("ACTION");
		assertThat(third.get("registryNumber").asString()).isEqualTo(first.get("registryNumber").asString());
		assertThat(header(this.routed.get(noteId).get(2).headers(), "ce_id"))
			.isNotEqualTo(header(this.routed.get(noteId).get(1).headers(), "ce_id"));
		this.routed.get(noteId).forEach(this::assertHonoured);
		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/notes/{id}/routing", noteId)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> assertThat(json).extractingPath("$.decisions[*].revision").asArray().containsExactly(1, 2, 3))
			.satisfies(json -> assertThat(json).extractingPath("$.decisions[*].destination.id")
				.asArray()
				.containsExactly("TRIAGE", "DMM", "DPR"));
		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/triage")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].noteId")
			.asArray()
			.doesNotContain(noteId);
	}

	@Test
	void refusesWritesWithoutAClerksToken() {
		assertThat(this.mvc.post()
			.uri("/api/v1/notes/{id}/routing", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"officeId\":\"DMM\",\"reason\":\"x\"}")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"valise\"")
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(401);
		assertThat(this.mvc.post()
			.uri("/api/v1/routing/preview")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void refusesUnknownNotesUnknownOfficesBlankReasonsAndDuplicates() {
		// given
		String noteId = send(this.nepal);
		ObjectNode again = noteReceived(this.nepal, UUID.randomUUID().toString(), null);
		awaitRouted(noteId);
		((ObjectNode) again.get("note")).put("reference", body(noteId).get("note").get("reference").asString());
		String duplicateId = again.get("noteId").asString();
		send(duplicateId, again);
		awaitRouted(duplicateId);

		// then
		assertThat(write("/api/v1/notes/{id}/routing", UUID.randomUUID().toString(),
				Map.of("officeId", "DMM", "reason", "x"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(write("/api/v1/notes/{id}/routing", noteId, Map.of("officeId", "NOPE", "reason", "x")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("officeId");
		assertThat(write("/api/v1/notes/{id}/routing", noteId, Map.of("officeId", "DMM", "reason", "  ")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("reason");
		assertThat(write("/api/v1/notes/{id}/routing", noteId,
				Map.of("officeId", "DMM", "reason", "x", "copies", List.of(Map.of("officeId", "GHOST")))))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("copies[0].officeId");
		assertThat(write("/api/v1/notes/{id}/routing", duplicateId, Map.of("officeId", "DMM", "reason", "x")))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://valise.org/problems/duplicate-note");
		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/notes/{id}/routing", UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
		poll();
		assertThat(this.routed.get(noteId)).hasSize(1);
	}

	@Test
	void previewsADecisionWithoutPublishingAnything() {
		// given: a note already registered, and the topic's end
		Sample uruguay = SampleNoteEvents.get("dev-12-uruguay-protocol-credentials-es.txt");
		String noteId = send(uruguay);
		awaitRouted(noteId);
		long before = endOfRoutedTopic();
		ObjectNode request = noteReceived(uruguay, UUID.randomUUID().toString(),
				body(noteId).get("note").get("reference").asString());

		// when
		assertThat(this.mvc.post()
			.uri("/api/v1/routing/preview")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(request.toString())).hasStatusOk()
			.bodyJson()
			.satisfies(json -> assertThat(json).extractingPath("$.destination.id").isEqualTo("PROTOCOL"))
			.satisfies(json -> assertThat(json).extractingPath("$.explanation.rule").isEqualTo("recipient-office"))
			.satisfies(json -> assertThat(json).extractingPath("$.duplicateOf.noteId").isEqualTo(noteId))
			.satisfies(json -> assertThat(json).extractingPath("$.rules[0]").isEqualTo("highest-destination"));

		// then
		assertThat(endOfRoutedTopic()).isEqualTo(before);
		assertThat(this.mvc.post()
			.uri("/api/v1/routing/preview")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"no fields\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("note");
	}

	private MockMvcRequestBuilder write(String uri, String noteId, Map<String, ?> body) {
		return this.mvc.post()
			.uri(uri, noteId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SampleNoteEvents.JSON.writeValueAsString(body));
	}

	private long endOfRoutedTopic() {
		try (KafkaConsumer<String, String> consumer = reader(ROUTED)) {
			List<TopicPartition> partitions = List.of(0, 1, 2).stream().map(p -> new TopicPartition(ROUTED, p)).toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

}
