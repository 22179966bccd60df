package org.valise.kafka.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterListingTests {

	private static final String DLQ = "notes.received.v1.dlq";

	private final ReplayLedger ledger = new ReplayLedger();

	@Test
	void printsOneLinePerDeadLetterWithItsOriginFailureKeyAndValueSizeButNeverItsValue() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().build();

		List<String> lines = new DeadLetterListing(this.ledger, 100, false).lines(DLQ, List.of(deadLetter));

		assertThat(lines.get(0)).isEqualTo("notes.received.v1.dlq-0@3  from=notes.received.v1-1@17"
				+ "  failed-at=2026-01-01T00:00:00Z  stage=reading  error=not-json  key=note-1  value="
				+ DeadLetterSamples.NOTE_JSON.length() + " B  replayed=no");
		assertThat(String.join("\n", lines)).doesNotContain("Permanent Mission").doesNotContain("noteId");
	}

	@Test
	void saysAValueWasOmittedAndQuotesAStageWithSpaces() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().valueOmitted(2_000_000).stage("registry desk")
			.build();

		String line = new DeadLetterListing(this.ledger, 100, false).line(deadLetter);

		assertThat(line).contains("  value=omitted (2000000 B)").contains("  stage=\"registry desk\"");
	}

	@Test
	void saysWhenAndWhereADeadLetterWasReplayed() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().build();
		this.ledger.add("notes.received.v1.dlq-0@3", new ReplayMark("notes.received.v1-1@99",
				Instant.parse("2026-01-02T08:00:00Z"), 1, deadLetter.timestamp()).format());

		List<String> lines = new DeadLetterListing(this.ledger, 100, false).lines(DLQ, List.of(deadLetter));

		assertThat(lines.get(0)).endsWith("  replayed=yes (1x, last to notes.received.v1-1@99 at 2026-01-02T08:00:00Z)");
		assertThat(lines.get(1)).isEqualTo("notes.received.v1.dlq: 1 dead letter, 1 replayed");
	}

	@Test
	void countsTheDeadLettersOfATopicPerError() {
		List<DeadLetter> deadLetters = List.of(DeadLetterSamples.unreadableNote().at(DLQ, 0, 1).build(),
				DeadLetterSamples.unreadableNote().at(DLQ, 1, 1).error("key-mismatch").build(),
				DeadLetterSamples.unreadableNote().at(DLQ, 2, 1).build());

		List<String> lines = new DeadLetterListing(this.ledger, 100, false).lines(DLQ, deadLetters);

		assertThat(lines.subList(3, lines.size())).containsExactly("notes.received.v1.dlq: 3 dead letters, 0 replayed",
				"  key-mismatch             1", "  not-json                 2");
	}

	@Test
	void printsTheLatestDeadLettersUpToMaxOldestFirstAndCountsThemAll() {
		List<DeadLetter> deadLetters = List.of(
				DeadLetterSamples.unreadableNote().at(DLQ, 0, 7).timestamp(3_000).build(),
				DeadLetterSamples.unreadableNote().at(DLQ, 1, 2).timestamp(1_000).build(),
				DeadLetterSamples.unreadableNote().at(DLQ, 2, 9).timestamp(2_000).build());

		List<String> lines = new DeadLetterListing(this.ledger, 2, false).lines(DLQ, deadLetters);

		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("notes.received.v1.dlq-2@9 ");
		assertThat(lines.get(1)).startsWith("notes.received.v1.dlq-0@7 ");
		assertThat(lines.get(2)).isEqualTo("notes.received.v1.dlq: 3 dead letters, 0 replayed (1 earlier not shown: --max)");
	}

	@Test
	void showsTheXHeadersButNotTheOriginalProducersOnRequest() {
		List<String> lines = new DeadLetterListing(this.ledger, 100, true).lines(DLQ,
				List.of(DeadLetterSamples.unreadableNote().build()));

		assertThat(lines.subList(1, 11)).containsExactly("    x-original-topic: notes.received.v1",
				"    x-original-partition: 1", "    x-original-offset: 17", "    x-original-timestamp: 1767225599000",
				"    x-valise-stage: reading", "    x-valise-error: not-json",
				"    x-exception-message: JsonParseException: Unexpected character at line 1, column 2",
				"    x-exception-fqcn: tools.jackson.core.exc.StreamReadException", "    x-valise-attempts: 1",
				"    x-valise-failed-at: 2026-01-01T00:00:00Z");
		assertThat(String.join("\n", lines)).doesNotContain("ce_id").doesNotContain("traceparent");
	}

	@Test
	void printsKeysAndHeadersWithoutControlCharactersAndBinaryKeysInHexadecimal() {
		DeadLetter sample = DeadLetterSamples.unreadableNote().key("note\u001b[2J-1").build();
		RecordHeaders headers = new RecordHeaders(sample.headers().toArray());
		headers.add("x-valise-error", "bad\ncode".getBytes(StandardCharsets.UTF_8));
		DeadLetter hostile = new DeadLetter(sample.position(), sample.timestamp(), sample.key(), null, headers);
		DeadLetter binary = new DeadLetter(sample.position(), sample.timestamp(), new byte[] { (byte) 0xff, 0x00 },
				null, sample.headers());

		DeadLetterListing listing = new DeadLetterListing(this.ledger, 100, false);

		assertThat(listing.line(hostile)).contains("  error=bad?code  key=note?[2J-1  value=none");
		assertThat(listing.line(binary)).contains("  key=0xff00  ");
	}

}
