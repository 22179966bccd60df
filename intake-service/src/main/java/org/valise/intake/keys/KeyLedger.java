package org.valise.intake.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the idempotency keys remember, folded from their topic in offset order: for each client and key, the claim
 * with the lowest offset — the first, which won any race — and whether its note was published. A later claim of the
 * same key lost and changes nothing; a withdrawn claim (a tombstone) is forgotten; a mark names the offset of the
 * claim it marks, so the fold gives the same answer once compaction has replaced the claim by its mark. A key older
 * than the retention is forgotten, on every instance alike (its age is the claim's {@code receivedAt}).
 * <p>
 * Pure, and not safe for threads: its adapter serialises access.
 */
public final class KeyLedger {

	private static final char SEPARATOR = '/';

	private final Map<String, Remembered> byKey = new HashMap<>();

	private final Duration retention;

	/** @param retention how long a key is remembered from its claim */
	public KeyLedger(Duration retention) {
		this.retention = retention;
	}

	/**
	 * What a key remembers: its first claim.
	 *
	 * @param recordKey the record key of that claim (and of its mark)
	 * @param claimOffset the claim's offset: the lower, the earlier
	 * @param digest the digest of the submission it was claimed for
	 * @param noteId the note's id
	 * @param receivedAt when the submission was taken
	 * @param published whether its note is known to be published
	 */
	public record Remembered(String recordKey, long claimOffset, String digest, String noteId, Instant receivedAt,
			boolean published) {
	}

	/**
	 * Takes one record of the topic, in offset order.
	 * @param offset its offset
	 * @param recordKey its key
	 * @param record its value, or {@code null} for a tombstone
	 * @param now the time, for the retention
	 */
	public void apply(long offset, String recordKey, KeyRecord record, Instant now) {
		String ledgerKey = ledgerKeyOf(recordKey);
		if (ledgerKey == null) {
			return;
		}
		Remembered current = this.byKey.get(ledgerKey);
		if (record == null) {
			if (current != null && current.recordKey().equals(recordKey)) {
				this.byKey.remove(ledgerKey);
			}
			return;
		}
		if (expired(record.receivedAt(), now)) {
			return;
		}
		long claimOffset = (record.claimOffset() != null) ? record.claimOffset() : offset;
		boolean published = record.published() || (current != null && current.claimOffset() == claimOffset
				&& current.published());
		if (current == null || claimOffset <= current.claimOffset()) {
			this.byKey.put(ledgerKey, new Remembered(recordKey, claimOffset, record.digest(), record.noteId(),
					record.receivedAt(), published));
		}
	}

	/** What the client's key remembers, or {@code null}. */
	public Remembered remembered(String client, String key, Instant now) {
		Remembered remembered = this.byKey.get(ledgerKey(client, key));
		return (remembered == null || expired(remembered.receivedAt(), now)) ? null : remembered;
	}

	/** Forgets the keys past their retention; returns how many. */
	public int forgetExpired(Instant now) {
		int before = this.byKey.size();
		this.byKey.values().removeIf((remembered) -> expired(remembered.receivedAt(), now));
		return before - this.byKey.size();
	}

	public int size() {
		return this.byKey.size();
	}

	private boolean expired(Instant receivedAt, Instant now) {
		return receivedAt == null || receivedAt.plus(this.retention).isBefore(now);
	}

	/**
	 * The ledger key of a client's key: 32 hex digits of SHA-256 over the client's name, a NUL and the key, so that
	 * every instance finds the same records, whatever characters the client's name holds.
	 */
	public static String ledgerKey(String client, String key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(client.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/** The record key of one claim of a key (and of its mark). */
	public static String recordKey(String ledgerKey, String claimId) {
		return ledgerKey + SEPARATOR + claimId;
	}

	private static String ledgerKeyOf(String recordKey) {
		int separator = (recordKey != null) ? recordKey.indexOf(SEPARATOR) : -1;
		return (separator > 0) ? recordKey.substring(0, separator) : null;
	}

}
