package org.valise.routing.registry.streams;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.valise.contracts.EventContracts;
import org.valise.routing.SampleNoteEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's checks of NoteReceived bodies agree with the contract's schema. */
class NoteReceivedChecksTests {

	private final EventContracts contracts = EventContracts.load();

	@Test
	void requiresTheKeysTheSchemasRequire() throws IOException {
		assertThat(NoteReceivedChecks.RECEIVED_REQUIRED)
			.containsExactlyInAnyOrderElementsOf(required("note-received.v1.schema.json"));
		assertThat(NoteReceivedChecks.FIELDS_REQUIRED)
			.containsExactlyInAnyOrderElementsOf(required("note-fields.v1.schema.json"));
	}

	@Test
	void admitsEverySampleNoteAsIntakePublishesIt() {
		SampleNoteEvents.all().forEach(sample -> {
			ObjectNode body = SampleNoteEvents.noteReceived(sample, UUID.randomUUID().toString(), Instant.now());
			assertThat(this.contracts.schemaViolations("note-received.v1.schema.json", body.toString())).isEmpty();
			assertThat(NoteReceivedChecks.problemIn(body)).as(sample.file()).isEmpty();
		});
	}

	@Test
	void rejectsWhatTheSchemaRejectsNamingTheField() {
		assertRejected(b -> b.remove("noteId"), "required field noteId is missing");
		assertRejected(b -> b.put("noteId", "not-a-uuid"), "field noteId is not a UUID");
		assertRejected(b -> b.put("receivedAt", "yesterday"), "field receivedAt is not an RFC 3339 date-time");
		assertRejected(b -> b.put("format", "fax"), "field format is not one of");
		assertRejected(b -> b.put("note", "text"), "field note is not an object");
		assertRejected(b -> note(b).remove("sender"), "required field note.sender is missing");
		assertRejected(b -> note(b).put("sender", 42), "field note.sender is neither a string nor null");
		assertRejected(b -> note(b).put("docType", "memo"), "field note.docType is not one of");
		assertRejected(b -> note(b).put("date", "28 January 2021"), "field note.date is neither an ISO date nor null");
		assertRejected(b -> note(b).put("confidential", "no"), "field note.confidential is not a boolean");
		assertRejected(b -> note(b).putArray("scripts").add(1), "field note.scripts is not an array of strings");
		assertRejected(b -> ((ObjectNode) note(b).get("enclosures").get(0)).remove("author"),
				"required field note.enclosures[0].author is missing");
		assertRejected(b -> note(b).putObject("evidence").put("sender", "here"),
				"field note.evidence.sender is not a span");
	}

	private void assertRejected(Consumer<ObjectNode> breaking, String problem) {
		ObjectNode body = SampleNoteEvents.noteReceived(SampleNoteEvents.get("seed-cambodia-iom-2021-01-105.txt"),
				UUID.randomUUID().toString(), Instant.now());
		breaking.accept(body);
		assertThat(this.contracts.schemaViolations("note-received.v1.schema.json", body.toString())).as(problem)
			.isNotEmpty();
		assertThat(NoteReceivedChecks.problemIn(body)).hasValueSatisfying(p -> assertThat(p).startsWith(problem));
	}

	private static ObjectNode note(ObjectNode body) {
		return (ObjectNode) body.get("note");
	}

	private static List<String> required(String schema) throws IOException {
		try (InputStream in = NoteReceivedChecksTests.class.getResourceAsStream("/contracts/schemas/" + schema)) {
			JsonNode tree = SampleNoteEvents.JSON.readTree(in);
			return tree.get("required").valueStream().map(JsonNode::asString).toList();
		}
	}

}
