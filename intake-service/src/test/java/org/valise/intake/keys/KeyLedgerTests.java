package org.valise.intake.keys;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.valise.intake.keys.KeyLedger.Remembered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a key remembers, folded from the keys' topic as an instance reads it, compaction and expiry included.
 */
class KeyLedgerTests {

	private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

	private static final String KEY = KeyLedger.ledgerKey("registry", "NV-105");

	private final KeyLedger ledger = new KeyLedger(Duration.ofDays(7));

	@Test
	void remembersTheFirstClaimOfAKey() {
		this.ledger.apply(10, KeyLedger.recordKey(KEY, "a"), claim("digest-a", "note-a"), T0);

		assertThat(this.ledger.remembered("registry", "NV-105", T0))
			.isEqualTo(new Remembered(KeyLedger.recordKey(KEY, "a"), 10, "digest-a", "note-a", T0, false));
	}

	@Test
	void letsALaterClaimOfTheSameKeyChangeNothing() {
		this.ledger.apply(10, KeyLedger.recordKey(KEY, "a"), claim("digest-a", "note-a"), T0);
		this.ledger.apply(11, KeyLedger.recordKey(KEY, "b"), claim("digest-b", "note-b"), T0);

		assertThat(this.ledger.remembered("registry", "NV-105", T0).noteId()).isEqualTo("note-a");
		assertThat(this.ledger.size()).isEqualTo(1);
	}

	@Test
	void remembersThatTheClaimedNoteWasPublished() {
		this.ledger.apply(10, KeyLedger.recordKey(KEY, "a"), claim("digest-a", "note-a"), T0);
		this.ledger.apply(12, KeyLedger.recordKey(KEY, "a"), mark("digest-a", "note-a", 10), T0);

		Remembered remembered = this.ledger.remembered("registry", "NV-105", T0);
		assertThat(remembered.published()).isTrue();
		assertThat(remembered.claimOffset()).isEqualTo(10);
	}

	/** After compaction the first claim is gone, replaced by its mark, which a losing claim now precedes. */
	@Test
	void keepsTheFirstClaimWhenCompactionLeftOnlyItsMarkBehindALaterClaim() {
		this.ledger.apply(11, KeyLedger.recordKey(KEY, "b"), claim("digest-b", "note-b"), T0);
		this.ledger.apply(12, KeyLedger.recordKey(KEY, "a"), mark("digest-a", "note-a", 10), T0);

		Remembered remembered = this.ledger.remembered("registry", "NV-105", T0);
		assertThat(remembered.noteId()).isEqualTo("note-a");
		assertThat(remembered.published()).isTrue();
	}

	@Test
	void forgetsAWithdrawnClaimThatStoodAlone() {
		this.ledger.apply(11, KeyLedger.recordKey(KEY, "b"), claim("digest-b", "note-b"), T0);
		this.ledger.apply(13, KeyLedger.recordKey(KEY, "b"), null, T0);

		assertThat(this.ledger.remembered("registry", "NV-105", T0)).isNull();
	}

	@Test
	void ignoresTheWithdrawalOfAClaimThatLost() {
		this.ledger.apply(10, KeyLedger.recordKey(KEY, "a"), claim("digest-a", "note-a"), T0);
		this.ledger.apply(11, KeyLedger.recordKey(KEY, "b"), claim("digest-b", "note-b"), T0);
		this.ledger.apply(12, KeyLedger.recordKey(KEY, "b"), null, T0);

		assertThat(this.ledger.remembered("registry", "NV-105", T0).noteId()).isEqualTo("note-a");
	}

	@Test
	void keepsTheKeysOfEachClientApart() {
		this.ledger.apply(10, KeyLedger.recordKey(KEY, "a"), claim("digest-a", "note-a"), T0);

		assertThat(this.ledger.remembered("mission-desk", "NV-105", T0)).isNull();
		assertThat(KeyLedger.ledgerKey("ab", "c")).isNotEqualTo(KeyLedger.ledgerKey("a", "bc")).hasSize(32);
	}

	@Test
	void forgetsAKeyPastItsRetentionOnEveryInstanceAlike() {
		this.ledger.apply(10, KeyLedger.recordKey(KEY, "a"), claim("digest-a", "note-a"), T0);
		Instant later = T0.plus(Duration.ofDays(7)).plusSeconds(1);

		assertThat(this.ledger.remembered("registry", "NV-105", T0.plus(Duration.ofDays(7)))).isNotNull();
		assertThat(this.ledger.remembered("registry", "NV-105", later)).isNull();
		assertThat(this.ledger.forgetExpired(later)).isEqualTo(1);
		assertThat(this.ledger.size()).isZero();
	}

	@Test
	void skipsARecordAlreadyPastItsRetentionWhenReadingTheTopicAgain() {
		this.ledger.apply(10, KeyLedger.recordKey(KEY, "a"), claim("digest-a", "note-a"), T0.plus(Duration.ofDays(8)));

		assertThat(this.ledger.size()).isZero();
	}

	@Test
	void ignoresRecordsWhoseKeyIsNotALedgerKey() {
		this.ledger.apply(10, "not-a-ledger-key", claim("digest-a", "note-a"), T0);

		assertThat(this.ledger.size()).isZero();
	}

	private static KeyRecord claim(String digest, String noteId) {
		return KeyRecord.claim("registry", "NV-105", digest, noteId, T0);
	}

	private static KeyRecord mark(String digest, String noteId, long claimOffset) {
		return new KeyRecord("registry", "NV-105", digest, noteId, T0, claimOffset, true);
	}

}
