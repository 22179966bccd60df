package org.valise.contracts;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractsTests {

	private static final String NOTE_ID = "0b9a4f0e-8a8e-4c1e-9a55-2d6f1c1f2b10";

	private static final String RECEIVED = """
			{"noteId":"%s","receivedAt":"2026-11-25T10:15:30Z","format":"text","fileName":null,
			 "idempotencyKey":null,"submittedBy":"registry",
			 "note":{"docType":"note_verbale","language":"en","reference":"2021/01/105","inReplyTo":null,
			   "date":"2021-01-28","place":"Geneva","sender":"Permanent Mission of the Kingdom of Cambodia",
			   "recipient":"International Organisation for Migration","recipientHead":"Director General",
			   "enclosures":[{"title":"letter","author":"Prime Minister","addressee":"Director General"}],
			   "requestedAction":"convey","highestDestination":true,"confidential":false,"scripts":["Latin","Khmer"],
			   "subject":null,"evidence":{"reference":{"start":10,"end":21,"text":"2021/01/105"}}},
			 "text":"No: 2021/01/105"}
			""".formatted(NOTE_ID);

	private final EventContracts contracts = EventContracts.load();

	@Test
	void declaresTheThreeTopicsAndTheirEventTypes() {
		assertThat(this.contracts.topics()).containsExactly("notes.received.v1", "notes.routed.v1", "notes.delivery.v1");
		assertThat(this.contracts.eventTypes("notes.delivery.v1")).containsExactlyInAnyOrder(
				"org.valise.note.delivered.v1", "org.valise.note.acknowledged.v1", "org.valise.note.escalated.v1",
				"org.valise.note.delivery-failed.v1", "org.valise.note.receipt-drafted.v1");
	}

	@Test
	void acceptsACloudEventWhoseBodyMatchesItsSchema() {
		assertThat(this.contracts.violations("notes.received.v1", NOTE_ID, headers("org.valise.note.received.v1"),
				RECEIVED)).isEmpty();
	}

	@Test
	void reportsABodyMissingARequiredFieldAndABadDate() {
		String broken = RECEIVED.replace("\"receivedAt\":\"2026-11-25T10:15:30Z\",", "")
			.replace("\"2021-01-28\"", "\"28 January 2021\"");
		assertThat(this.contracts.violations("notes.received.v1", NOTE_ID, headers("org.valise.note.received.v1"),
				broken))
			.anySatisfy((violation) -> assertThat(violation).contains("receivedAt"))
			.anySatisfy((violation) -> assertThat(violation).contains("date"));
	}

	@Test
	void reportsJsonQuotedHeadersAndAKeyThatIsNotTheSubject() {
		RecordHeaders headers = headers("org.valise.note.received.v1");
		headers.remove("ce_source");
		headers.add("ce_source", "\"/valise/intake-service\"".getBytes(StandardCharsets.UTF_8));
		assertThat(this.contracts.violations("notes.received.v1", "another-key", headers, RECEIVED))
			.anySatisfy((violation) -> assertThat(violation).contains("ce_source is JSON-quoted"))
			.anySatisfy((violation) -> assertThat(violation).contains("record key another-key"));
	}

	@Test
	void rejectsAnEventTypeNotDeclaredForTheTopic() {
		assertThatThrownBy(() -> this.contracts.assertHonoured("notes.received.v1", NOTE_ID,
				headers("org.valise.note.delivered.v1"), RECEIVED))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("is not declared for notes.received.v1");
	}

	private static RecordHeaders headers(String type) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", bytes("1.0"));
		headers.add("ce_id", bytes("3f1c2d4e-0000-4000-8000-000000000001"));
		headers.add("ce_source", bytes("/valise/intake-service"));
		headers.add("ce_type", bytes(type));
		headers.add("ce_subject", bytes(NOTE_ID));
		headers.add("ce_time", bytes("2026-11-25T10:15:30Z"));
		headers.add("content-type", bytes("application/json"));
		return headers;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
