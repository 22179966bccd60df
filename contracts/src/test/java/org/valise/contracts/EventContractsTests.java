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

	private static final String DIRECTORY_VERSION = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private static final String OFFICE = """
			{"id":"ODG","name":"Office of the Director General","headTitle":"Director General","parent":null,
			 "deputy":"DDG","holders":[{"name":"Amy Pope","from":"2023-10-01","until":null}],
			 "channels":[{"type":"email","address":"odg@iom.example"}],"confidentialClearance":true,
			 "directoryVersion":"%s"}
			""".formatted(DIRECTORY_VERSION);

	private final EventContracts contracts = EventContracts.load();

	@Test
	void declaresTheThreeEventTopicsTheDirectoryTableAndTheirEventTypes() {
		assertThat(this.contracts.topics()).containsExactly("notes.received.v1", "notes.routed.v1", "directory.v1",
				"notes.delivery.v1");
		assertThat(this.contracts.eventTypes("notes.delivery.v1")).containsExactlyInAnyOrder(
				"org.valise.note.delivered.v1", "org.valise.note.acknowledged.v1", "org.valise.note.escalated.v1",
				"org.valise.note.delivery-failed.v1", "org.valise.note.receipt-drafted.v1");
		assertThat(this.contracts.eventTypes("directory.v1")).containsExactly("org.valise.directory.office.v1");
		assertThat(this.contracts.topics()).filteredOn(this.contracts::compacted).containsExactly("directory.v1");
	}

	@Test
	void acceptsAnOfficeOfTheDirectoryAndATombstoneKeyedByTheOfficeId() {
		RecordHeaders headers = headers("org.valise.directory.office.v1", "ODG");

		assertThat(this.contracts.violations("directory.v1", "ODG", headers, OFFICE)).isEmpty();
		assertThat(this.contracts.violations("directory.v1", "ODG", headers, null)).isEmpty();
	}

	@Test
	void reportsAnOfficeWithoutItsDirectoryVersionOrWithAnUnknownChannelType() {
		String broken = OFFICE.replace(",\n \"directoryVersion\":\"" + DIRECTORY_VERSION + "\"", "")
			.replace("\"type\":\"email\"", "\"type\":\"fax\"");

		assertThat(broken).doesNotContain("directoryVersion").contains("fax");
		assertThat(this.contracts.violations("directory.v1", "ODG", headers("org.valise.directory.office.v1", "ODG"),
				broken))
			.anySatisfy((violation) -> assertThat(violation).contains("directoryVersion"))
			.anySatisfy((violation) -> assertThat(violation).contains("channels"));
	}

	@Test
	void refusesATombstoneOnAnEventTopic() {
		assertThat(this.contracts.violations("notes.received.v1", NOTE_ID, headers("org.valise.note.received.v1"),
				null))
			.containsExactly("a record without a body (tombstone) on notes.received.v1, which is not compacted");
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
		return headers(type, NOTE_ID);
	}

	private static RecordHeaders headers(String type, String subject) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", bytes("1.0"));
		headers.add("ce_id", bytes("3f1c2d4e-0000-4000-8000-000000000001"));
		headers.add("ce_source", bytes("/valise/intake-service"));
		headers.add("ce_type", bytes(type));
		headers.add("ce_subject", bytes(subject));
		headers.add("ce_time", bytes("2026-11-25T10:15:30Z"));
		headers.add("content-type", bytes("application/json"));
		return headers;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
