package org.valise.routing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.valise.routing.SampleNoteEvents.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A note already registered is published as a DUPLICATE of the original and takes no number: the same submission
 * retried (same note id) or the same note sent again (same sender and reference, however written).
 */
class DuplicateRegistrationTests extends BrokerTestSupport {

	private final Sample nepal = SampleNoteEvents.get("dev-04-nepal-department-policy-research.txt");

	@Test
	void flagsANoteWithTheSenderAndReferenceOfARegisteredNoteAsItsDuplicate() {
		// given
		String reference = uniqueReference(this.nepal);
		String originalId = UUID.randomUUID().toString();
		send(originalId, noteReceived(this.nepal, originalId, reference));
		awaitRouted(originalId);
		String number = body(originalId).get("registryNumber").asString();

		// when: the same note again, its sender and reference in other case, spacing and punctuation
		String againId = UUID.randomUUID().toString();
		ObjectNode again = noteReceived(this.nepal, againId, "No. " + reference.toLowerCase().replace("/", " - "));
		ObjectNode fields = (ObjectNode) again.get("note");
		fields.put("sender", "  " + fields.get("sender").asString().toUpperCase() + ". ");
		send(againId, again);
		awaitRouted(againId);
		String nextId = send(this.nepal);
		awaitRouted(nextId);

		// then
		JsonNode duplicate = body(againId);
		assertThat(duplicate.get("outcome").asString()).isEqualTo("DUPLICATE");
		assertThat(duplicate.get("registryNumber").asString()).isEqualTo(number);
		assertThat(duplicate.get("duplicateOf").get("noteId").asString()).isEqualTo(originalId);
		assertThat(duplicate.get("duplicateOf").get("registryNumber").asString()).isEqualTo(number);
		assertThat(duplicate.get("destination").get("id").asString()).isEqualTo("DPR");
		assertThat(duplicate.get("copies").size()).isZero();
		assertThat(duplicate.get("explanation").get("rule").asString()).isEqualTo("duplicate");
		assertThat(duplicate.get("explanation").get("evidence").valueStream().map(JsonNode::asString))
			.containsExactly(fields.get("sender").asString(), fields.get("reference").asString());
		assertThat(duplicate.get("revision").asInt()).isEqualTo(1);
		assertThat(duplicate.get("decidedBy").asString()).isEqualTo("rules");
		// no number was taken: the next note has the next one
		assertThat(sequence(body(nextId).get("registryNumber").asString())).isEqualTo(sequence(number) + 1);
		assertHonoured(this.routed.get(againId).get(0));
	}

	@Test
	void flagsTheSameSubmissionRetriedAsADuplicateWithoutRenumbering() {
		// given
		String noteId = UUID.randomUUID().toString();
		ObjectNode body = noteReceived(this.nepal, noteId, uniqueReference(this.nepal));
		send(noteId, body);
		awaitRouted(noteId);
		String number = body(noteId).get("registryNumber").asString();

		// when: intake republishes the retried submission with the same note id
		send(noteId, body);
		awaitRouted(noteId, 2);
		String nextId = send(this.nepal);
		awaitRouted(nextId);

		// then
		JsonNode retried = body(noteId, 1);
		assertThat(retried.get("outcome").asString()).isEqualTo("DUPLICATE");
		assertThat(retried.get("registryNumber").asString()).isEqualTo(number);
		assertThat(retried.get("duplicateOf").get("noteId").asString()).isEqualTo(noteId);
		assertThat(retried.get("destination").get("id").asString()).isEqualTo("DPR");
		assertThat(retried.get("explanation").get("evidence").get(0).asString()).isEqualTo("same submission retried");
		assertThat(sequence(body(nextId).get("registryNumber").asString())).isEqualTo(sequence(number) + 1);
		assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).uri("/api/v1/notes/{id}/routing", noteId)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.decisions[*].outcome")
			.asArray()
			.containsExactly("ROUTED", "DUPLICATE");
		this.routed.get(noteId).forEach(this::assertHonoured);
	}

	@Test
	void doesNotTakeNotesWithoutAReferenceForDuplicates() {
		// given
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();

		// when
		send(first, noteReceived(this.nepal, first, null));
		send(second, noteReceived(this.nepal, second, null));
		awaitRouted(first);
		awaitRouted(second);

		// then
		assertThat(body(first).get("outcome").asString()).isEqualTo("ROUTED");
		assertThat(body(second).get("outcome").asString()).isEqualTo("ROUTED");
		assertThat(body(second).get("registryNumber").asString())
			.isNotEqualTo(body(first).get("registryNumber").asString());
	}

	private static long sequence(String registryNumber) {
		return Long.parseLong(registryNumber.substring(registryNumber.lastIndexOf('/') + 1));
	}

}
