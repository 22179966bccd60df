package org.valise.intake.keys;

import java.time.Instant;

/**
 * One record of {@code intake-service.idempotency-keys.v1}: a claim of a client's key for one submission, or the mark
 * that the claimed note was published. The record key is {@code <ledger key>/<claim id>}: each claim a record of its
 * own, so that compaction never puts a later claim in the place of the first; a mark has the key of the claim it
 * marks and replaces it. Holds no content of the note, only the digest of the submission.
 *
 * @param client the authenticated client the key belongs to
 * @param key the client's {@code Idempotency-Key}
 * @param digest the submission's digest (SHA-256, hex)
 * @param noteId the id its note has, or gets if it wins
 * @param receivedAt when intake took the submission: the note's {@code receivedAt}, and when the key expires from
 * @param claimOffset for a mark, the offset of the claim it marks; {@code null} for a claim (its own offset)
 * @param published whether the note was published (a mark) or not yet known to be (a claim)
 */
public record KeyRecord(String client, String key, String digest, String noteId, Instant receivedAt,
		Long claimOffset, boolean published) {

	/** The claim of a key. */
	static KeyRecord claim(String client, String key, String digest, String noteId, Instant receivedAt) {
		return new KeyRecord(client, key, digest, noteId, receivedAt, null, false);
	}

}
