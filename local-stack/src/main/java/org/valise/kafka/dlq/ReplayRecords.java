package org.valise.kafka.dlq;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The records a replay writes: the original record again, and its mark in the replay ledger.
 */
final class ReplayRecords {

	private ReplayRecords() {
	}

	/**
	 * The original record as it was read: to its original topic, with its key, value and own headers (those the
	 * dead-letter writer added removed), plus {@code x-valise-replayed-from: dlq-topic-partition@offset}. Partitioned
	 * by its key, as its producer did; timestamped now.
	 * @throws IllegalStateException for a dead letter that names no original topic (judge it first)
	 */
	static ProducerRecord<byte[], byte[]> replay(DeadLetter deadLetter) {
		String topic = deadLetter.originalTopic()
			.orElseThrow(() -> new IllegalStateException(deadLetter.position() + " names no original topic"));
		RecordHeaders headers = new RecordHeaders();
		for (Header header : deadLetter.headers()) {
			if (!DeadLetterHeaders.isAdded(header.key())) {
				headers.add(header);
			}
		}
		headers.add(DeadLetterHeaders.REPLAYED_FROM,
				deadLetter.position().toString().getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(topic, null, null, deadLetter.key(), deadLetter.value(), headers);
	}

	/** The ledger's record of a replay: keyed by the dead letter's position. */
	static ProducerRecord<byte[], byte[]> mark(DeadLetter deadLetter, ReplayMark mark) {
		byte[] key = deadLetter.position().toString().getBytes(StandardCharsets.UTF_8);
		return new ProducerRecord<>(ReplayLedger.TOPIC, key, mark.format().getBytes(StandardCharsets.UTF_8));
	}

}
