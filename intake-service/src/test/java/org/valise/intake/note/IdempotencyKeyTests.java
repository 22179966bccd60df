package org.valise.intake.note;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The note id of a keyed submission: a name-based UUIDv8 of client and key, the same on every instance.
 */
class IdempotencyKeyTests {

	@Test
	void derivesTheSameVersion8NoteIdFromTheSameClientAndKey() {
		NoteId first = new IdempotencyKey("NV-2021-01-105").noteIdFor("registry");
		NoteId retry = new IdempotencyKey("NV-2021-01-105").noteIdFor("registry");

		assertThat(retry).isEqualTo(first);
		assertThat(first.value().version()).isEqualTo(8);
		assertThat(first.value().variant()).isEqualTo(2);
	}

	/** Pinned: changing the derivation would give retries across a deployment a new id, and duplicates. */
	@Test
	void keepsItsDerivationStableAcrossReleases() {
		assertThat(new IdempotencyKey("NV-2021-01-105").noteIdFor("registry").value())
			.isEqualTo(UUID.fromString("976cf246-4702-8a53-8dad-72d4f9aee05c"));
	}

	@Test
	void givesEachClientItsOwnIdForTheSameKey() {
		IdempotencyKey key = new IdempotencyKey("retry-1");

		assertThat(key.noteIdFor("registry")).isNotEqualTo(key.noteIdFor("mission-desk"));
		assertThat(new IdempotencyKey("ab").noteIdFor("c")).isNotEqualTo(new IdempotencyKey("b").noteIdFor("ca"));
	}

	@Test
	void acceptsOneToTwoHundredVisibleAsciiCharacters() {
		assertThat(new IdempotencyKey("x").value()).isEqualTo("x");
		assertThat(new IdempotencyKey("!~\"8e03978e-40d5-43e8-bc93-6894a57f9324\"").value()).startsWith("!~");
		assertThat(new IdempotencyKey("k".repeat(200)).value()).hasSize(200);
		assertThat(IdempotencyKey.of(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "tab\tkey", "clé", "line\nbreak" })
	void refusesOtherKeysNamingTheHeader(String key) {
		assertThatExceptionOfType(InvalidNoteException.class).isThrownBy(() -> new IdempotencyKey(key))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("Idempotency-Key"))
			.withMessageStartingWith("Idempotency-Key must");
	}

	@Test
	void refusesAKeyLongerThanTwoHundredCharacters() {
		assertThatExceptionOfType(InvalidNoteException.class)
			.isThrownBy(() -> new IdempotencyKey("k".repeat(201)))
			.withMessageContaining("1 to 200 characters");
	}

}
