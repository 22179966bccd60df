package org.valise.intake.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A client's {@code Idempotency-Key}: 1 to 200 visible ASCII characters, naming one submission of that client.
 * <p>
 * What a key names is remembered, shared by every intake instance, in {@code intake-service.idempotency-keys.v1}
 * ({@link org.valise.intake.keys}): the same key with the same submission gets the first answer, with another
 * submission a 422. The note id of a keyed submission is derived from the client's name, the key and the submission's
 * digest, so that concurrent attempts of the same submission agree on it before they know who claimed the key first,
 * and a key reused after it expired with another note never gives that note the first one's id (the registry would
 * take it for a retry). The id is a name-based UUIDv8 as in RFC 9562, Appendix B.2: the first 128 bits of SHA-256
 * over a Valise namespace UUID, the client's name, a NUL, the key, a NUL and the digest, with the version (8) and
 * variant bits set.
 */
record IdempotencyKey(String value) {

	static final String HEADER = "Idempotency-Key";

	static final int MAX_LENGTH = 200;

	/** The namespace of note ids derived from idempotency keys (a fixed, random UUID). */
	private static final UUID NAMESPACE = UUID.fromString("3f0c7d2e-9a41-4b8e-b6d5-0c2a7e915f43");

	IdempotencyKey {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new InvalidNoteException(HEADER,
					"must be 1 to " + MAX_LENGTH + " characters long, but is " + value.length());
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				throw new InvalidNoteException(HEADER, "must contain only visible ASCII characters (no spaces), "
						+ "but character " + (i + 1) + " is U+" + String.format("%04X", (int) c));
			}
		}
	}

	/** The key of a submission, or {@code null} when the client sent none. */
	static IdempotencyKey of(String header) {
		return (header != null) ? new IdempotencyKey(header) : null;
	}

	/**
	 * The note id of this submission by the given client: the same on every instance and every retry.
	 * @param client the authenticated client
	 * @param digest the submission's digest ({@link SubmissionDigest})
	 */
	NoteId noteIdFor(String client, String digest) {
		MessageDigest sha256 = sha256();
		sha256.update(ByteBuffer.allocate(16)
			.putLong(NAMESPACE.getMostSignificantBits())
			.putLong(NAMESPACE.getLeastSignificantBits())
			.array());
		sha256.update(client.getBytes(StandardCharsets.UTF_8));
		sha256.update((byte) 0);
		sha256.update(this.value.getBytes(StandardCharsets.US_ASCII));
		sha256.update((byte) 0);
		sha256.update(digest.getBytes(StandardCharsets.US_ASCII));
		byte[] hash = sha256.digest();
		hash[6] = (byte) ((hash[6] & 0x0F) | 0x80);
		hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
		ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
		return new NoteId(new UUID(bits.getLong(), bits.getLong()));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
