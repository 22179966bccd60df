package org.valise.intake.note;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The note id of a keyed submission: a name-based UUIDv8 of client, key and the submission's digest, the same on
 * every instance.
 */
class IdempotencyKeyTests {

	private static final String DIGEST = SubmissionDigest.of(SubmissionFormat.TEXT, null, "Note No. 2021/01/105");

	@Test
	void derivesTheSameVersion8NoteIdFromTheSameClientKeyAndSubmission() {
		NoteId first = new IdempotencyKey("NV-2021-01-105").noteIdFor("registry", DIGEST);
		NoteId retry = new IdempotencyKey("NV-2021-01-105").noteIdFor("registry", DIGEST);

		assertThat(retry).isEqualTo(first);
		assertThat(first.value().version()).isEqualTo(8);
		assertThat(first.value().variant()).isEqualTo(2);
	}

	/**
	 * Pinned (computed apart from this code): changing the derivation would give retries across a deployment a new
	 * id, and duplicates.
	 */
	@Test
	void keepsItsDerivationStableAcrossReleases() {
		assertThat(new IdempotencyKey("NV-2021-01-105").noteIdFor("registry", "0".repeat(64)).value())
			.isEqualTo(UUID.fromString("78437c02-f516-80e7-b7c0-397339f62e8d"));
	}

	@Test
	void givesEachClientItsOwnIdForTheSameKey() {
		IdempotencyKey key = new IdempotencyKey("retry-1");

		assertThat(key.noteIdFor("registry", DIGEST)).isNotEqualTo(key.noteIdFor("mission-desk", DIGEST));
		assertThat(new IdempotencyKey("ab").noteIdFor("c", DIGEST))
			.isNotEqualTo(new IdempotencyKey("b").noteIdFor("ca", DIGEST));
	}

	/** A key reused, once forgotten, for another note must not give it the first note's id (a "retry" downstream). */
	@Test
	void givesAnotherSubmissionWithTheSameKeyAnotherId() {
		IdempotencyKey key = new IdempotencyKey("NV-2021-01-105");
		String other = SubmissionDigest.of(SubmissionFormat.TEXT, null, "Note No. 2021/01/106");

		assertThat(key.noteIdFor("registry", other)).isNotEqualTo(key.noteIdFor("registry", DIGEST));
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
