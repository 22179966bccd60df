package org.valise.platform.kafka;

import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

	@Test
	void keepsTheOriginalHeadersAndNamesWhereTheRecordCameFromAndWhatWasWrong() {
		Headers original = new RecordHeaders().add("ce_id", "abc".getBytes()).add("x-valise-error", "old".getBytes());

		Headers dead = DeadLetters.headers(original, new DeadLetters.Origin("notes.received.v1", 2, 41, 1000L),
				"processing", "processing-failed", "IllegalStateException: boom", new IllegalStateException("boom"), 1,
				Instant.parse("2026-12-06T10:00:00Z"));

		assertThat(DeadLetters.header(dead, "ce_id")).isEqualTo("abc");
		assertThat(DeadLetters.header(dead, DeadLetters.ORIGINAL_TOPIC)).isEqualTo("notes.received.v1");
		assertThat(DeadLetters.header(dead, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("2");
		assertThat(DeadLetters.header(dead, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("41");
		assertThat(DeadLetters.header(dead, DeadLetters.ERROR)).isEqualTo("processing-failed");
		assertThat(DeadLetters.header(dead, DeadLetters.EXCEPTION)).isEqualTo("java.lang.IllegalStateException");
		assertThat(dead.headers(DeadLetters.ERROR)).hasSize(1);
	}

	@Test
	void describesAnExceptionWithoutWhatItQuotesOfTheInput() {
		String described = DeadLetters.describe(new RuntimeException("wrapped",
				new IllegalArgumentException("Unrecognized token 'SECRET-CANARY': was expecting \"true\"\nat line 2")));

		assertThat(described).isEqualTo("IllegalArgumentException: Unrecognized token '…': was expecting \"…\" "
				+ "(in RuntimeException)").doesNotContain("SECRET-CANARY");
	}

}
