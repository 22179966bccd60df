package org.valise.kafka.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayRecordsTests {

	@Test
	void writesTheOriginalKeyAndValueBackToTheOriginalTopic() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().build();

		ProducerRecord<byte[], byte[]> replay = ReplayRecords.replay(deadLetter);

		assertThat(replay.topic()).isEqualTo("notes.received.v1");
		assertThat(new String(replay.key(), StandardCharsets.UTF_8)).isEqualTo("note-1");
		assertThat(new String(replay.value(), StandardCharsets.UTF_8)).isEqualTo(DeadLetterSamples.NOTE_JSON);
		assertThat(replay.partition()).as("partitioned by its key, as its producer did").isNull();
		assertThat(replay.timestamp()).isNull();
	}

	@Test
	void keepsTheOriginalHeadersRemovesTheDeadLetterOnesAndNamesWhereItWasReplayedFrom() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().at("notes.received.v1.dlq", 2, 40).build();

		ProducerRecord<byte[], byte[]> replay = ReplayRecords.replay(deadLetter);

		assertThat(Arrays.stream(replay.headers().toArray()).map(Header::key))
			.containsExactly("ce_id", "traceparent", "x-valise-replayed-from");
		assertThat(DeadLetterHeaders.text(replay.headers(), "ce_id")).isEqualTo("6a1f0c1e-received");
		assertThat(DeadLetterHeaders.text(replay.headers(), "x-valise-replayed-from"))
			.isEqualTo("notes.received.v1.dlq-2@40");
	}

	@Test
	void replacesTheReplayedFromHeaderOfAnEarlierReplay() {
		DeadLetter sample = DeadLetterSamples.unreadableNote().build();
		RecordHeaders headers = new RecordHeaders(sample.headers().toArray());
		headers.add("x-valise-replayed-from", "notes.received.v1.dlq-0@1".getBytes(StandardCharsets.UTF_8));
		DeadLetter deadLetter = new DeadLetter(sample.position(), sample.timestamp(), sample.key(), sample.value(),
				headers);

		ProducerRecord<byte[], byte[]> replay = ReplayRecords.replay(deadLetter);

		assertThat(replay.headers().headers("x-valise-replayed-from")).hasSize(1);
		assertThat(DeadLetterHeaders.text(replay.headers(), "x-valise-replayed-from"))
			.isEqualTo("notes.received.v1.dlq-0@3");
	}

	@Test
	void recordsTheReplayInTheLedgerUnderTheDeadLettersPosition() {
		DeadLetter deadLetter = DeadLetterSamples.unreadableNote().at("notes.received.v1.dlq", 2, 40).build();
		ReplayMark mark = new ReplayMark("notes.received.v1-1@99", Instant.parse("2026-01-01T10:00:00Z"), 1,
				deadLetter.timestamp());

		ProducerRecord<byte[], byte[]> record = ReplayRecords.mark(deadLetter, mark);

		assertThat(record.topic()).isEqualTo("valise.dlq-replays.v1");
		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("notes.received.v1.dlq-2@40");
		assertThat(ReplayMark.parse(new String(record.value(), StandardCharsets.UTF_8))).isEqualTo(mark);
	}

}
