package org.valise.routing;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison records on {@code notes.received.v1} go to {@code notes.received.v1.dlq}, as they were, with headers naming
 * the error (never the body), and the notes behind them still flow.
 */
class DeadLetterTests extends BrokerTestSupport {

	@Test
	void sendsPoisonRecordsToTheDeadLetterTopicAndRoutesTheNextNote() {
		// given
		String notJson = UUID.randomUUID().toString();
		String noNoteId = UUID.randomUUID().toString();
		String invalid = UUID.randomUUID().toString();
		String misKeyed = UUID.randomUUID().toString();
		ObjectNode schemaInvalid = noteReceived(SampleNoteEvents.get("dev-04-nepal-department-policy-research.txt"), invalid,
				"secret-ref-" + invalid);
		((ObjectNode) schemaInvalid.get("note")).put("confidential", "yes, very secret");
		ObjectNode otherKey = noteReceived(SampleNoteEvents.get("dev-04-nepal-department-policy-research.txt"),
				UUID.randomUUID().toString(), null);

		// when
		sendRaw(notJson, "this is not { JSON, it is secret text");
		sendRaw(noNoteId, "{\"receivedAt\":\"2026-11-25T10:15:30Z\",\"format\":\"text\",\"note\":{}}");
		sendRaw(invalid, schemaInvalid.toString());
		sendRaw(misKeyed, otherKey.toString());
		String noteId = send(SampleNoteEvents.get("dev-12-uruguay-protocol-credentials-es.txt"));

		// then: the next note flows
		awaitRouted(noteId);
		assertThat(body(noteId).get("destination").get("name").asString()).isEqualTo("Protocol Office");
		assertHonoured(this.routed.get(noteId).get(0));
		// and each poison record is in the dead-letter topic, as sent, with its error named
		for (String key : new String[] { notJson, noNoteId, invalid, misKeyed }) {
			awaitDeadLetter(key);
		}
		assertDeadLetter(notJson, "not-json", "the value is not JSON");
		assertThat(this.deadLetters.get(notJson).get(0).value()).isEqualTo("this is not { JSON, it is secret text");
		assertDeadLetter(noNoteId, "invalid-note", "required field noteId is missing");
		assertDeadLetter(invalid, "invalid-note", "field note.confidential is not a boolean");
		assertDeadLetter(misKeyed, "key-mismatch", "the record key is not its noteId");
		assertThat(this.deadLetters.get(invalid).get(0).value()).isEqualTo(schemaInvalid.toString());
		poll();
		assertThat(this.routed).doesNotContainKeys(notJson, noNoteId, invalid, misKeyed);
	}

	private void assertDeadLetter(String key, String error, String message) {
		ConsumerRecord<String, String> record = this.deadLetters.get(key).get(0);
		assertThat(header(record.headers(), "x-valise-error")).isEqualTo(error);
		assertThat(header(record.headers(), "x-exception-message")).contains(message)
			.doesNotContain("secret")
			.doesNotContain("\tat ");
		assertThat(header(record.headers(), "x-original-topic")).isEqualTo(RECEIVED);
		assertThat(header(record.headers(), "x-original-offset")).containsOnlyDigits();
		assertThat(header(record.headers(), "x-valise-attempts")).isEqualTo("1");
		assertThat(header(record.headers(), "ce_subject")).isEqualTo(key);
		assertThat(header(record.headers(), "ce_type")).isEqualTo("org.valise.note.received.v1");
	}

}
