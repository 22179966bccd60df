package org.valise.intake.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a submission for its {@code Idempotency-Key}: SHA-256 (hex) over how it came (text, JSON, file),
 * the uploaded file's name, and its content as intake takes it — the text for a text body or a file, the structured
 * fields as intake read them for JSON (so a JSON body sent again with other white space or key order is the same
 * submission, and a PDF saved again with the same text layer is the same note). Each part is length-prefixed, so that
 * no two submissions share their bytes. Pure.
 */
final class SubmissionDigest {

	private SubmissionDigest() {
	}

	/**
	 * @param format how the submission came
	 * @param fileName the uploaded file's name, or {@code null}
	 * @param content the text, or the structured fields in canonical JSON
	 * @return 64 hex digits
	 */
	static String of(SubmissionFormat format, String fileName, String content) {
		MessageDigest sha256 = sha256();
		part(sha256, format.code());
		part(sha256, (fileName != null) ? fileName : "");
		part(sha256, (content != null) ? content : "");
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static void part(MessageDigest sha256, String part) {
		byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
		sha256.update(String.valueOf(bytes.length).getBytes(StandardCharsets.US_ASCII));
		sha256.update((byte) ':');
		sha256.update(bytes);
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
