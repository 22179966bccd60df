package org.valise.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as the Standard Webhooks specification writes them: {@code webhook-id} (the delivery id: the same
 * for every attempt, so a receiver de-duplicates on it), {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 over "<id>.<timestamp>.<body>">}. The key is the office's secret:
 * a {@code whsec_<base64>} secret is decoded, any other is taken as its UTF-8 bytes. A receiver recomputes the
 * signature over the raw body, compares in constant time, and refuses an old timestamp (replay).
 */
public final class WebhookSignature {

	/** The header carrying the message's id, the same on every attempt. */
	public static final String ID_HEADER = "webhook-id";

	/** The header carrying the timestamp (Unix seconds) that is signed with the id and the body. */
	public static final String TIMESTAMP_HEADER = "webhook-timestamp";

	/** The header carrying the signature(s). */
	public static final String SIGNATURE_HEADER = "webhook-signature";

	private static final String SECRET_PREFIX = "whsec_";

	private WebhookSignature() {
	}

	/** The value of {@link #SIGNATURE_HEADER} for this secret, id, timestamp and body. */
	public static String sign(String secret, String id, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
			byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] key(String secret) {
		if (secret.startsWith(SECRET_PREFIX)) {
			try {
				return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
			}
			catch (IllegalArgumentException ex) {
				// not base64 after all: the whole secret is the key
			}
		}
		return secret.getBytes(StandardCharsets.UTF_8);
	}

}
