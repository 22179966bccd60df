package org.valise.intake.note;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
import org.valise.intake.parsing.DocType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The size of a NoteReceived is the size of its JSON as sent, escapes included.
 */
class NoteEventsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void takesANoteWhoseEventFitsToTheByte() {
		int size = JSON.writeValueAsBytes(event("x".repeat(1000))).length;

		byte[] written = new NoteEvents(JSON, DataSize.ofBytes(size)).write(event("x".repeat(1000)), "body");

		assertThat(written).hasSize(size);
	}

	@Test
	void refusesANoteWhoseEventIsOneByteOverNamingTheLimitInBytesAndTheField() {
		int size = JSON.writeValueAsBytes(event("x".repeat(1000))).length;

		assertThatExceptionOfType(NoteTooLargeException.class)
			.isThrownBy(() -> new NoteEvents(JSON, DataSize.ofBytes(size - 1)).write(event("x".repeat(1000)), "text"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("text"))
			.satisfies((ex) -> assertThat(ex.maxBytes()).isEqualTo(size - 1))
			.withMessageContaining(size + " bytes, more than the " + (size - 1) + " bytes");
	}

	/** 1,000 characters of quotes, backslashes, tabs and control characters take 3,000 bytes once escaped. */
	@Test
	void countsWhatJsonEscapesAsItIsWritten() {
		String escaped = "\"\\\u0001\t".repeat(250);
		int plain = JSON.writeValueAsBytes(event("x".repeat(1000))).length;

		assertThatExceptionOfType(NoteTooLargeException.class)
			.isThrownBy(() -> new NoteEvents(JSON, DataSize.ofBytes(plain + 1999)).write(event(escaped), "body"));
		assertThat(new NoteEvents(JSON, DataSize.ofBytes(plain + 2000)).write(event(escaped), "body"))
			.hasSize(plain + 2000);
	}

	private static NoteReceived event(String text) {
		NoteFields fields = new NoteFields(DocType.NOTE_VERBALE, "en", "No. 105", null, null, null, "Mission", null,
				null, null, null, false, false, null, null, null, null);
		return new NoteReceived(new NoteId(UUID.fromString("8f7e6d5c-4b3a-4a29-8817-263544332211")),
				Instant.parse("2026-12-06T10:00:00Z"), SubmissionFormat.TEXT, null, null, "registry", fields, text);
	}

}
