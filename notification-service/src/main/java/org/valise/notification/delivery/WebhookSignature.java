package org.valise.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook: {@code sha256=<hex HMAC-SHA256 over "<timestamp>.<body>">} with the office's secret. A
 * receiver recomputes it over the {@code X-Valise-Timestamp} header and the raw body, compares in constant time, and
 * refuses an old timestamp (replay).
 */
public final class WebhookSignature {

	/** The header carrying the signature. */
	public static final String SIGNATURE_HEADER = "X-Valise-Signature";

	/** The header carrying the timestamp (Unix seconds) that is signed with the body. */
	public static final String TIMESTAMP_HEADER = "X-Valise-Timestamp";

	/** The header carrying the delivered event's {@code ce_id}, for the receiver to deduplicate. */
	public static final String EVENT_ID_HEADER = "X-Valise-Event-Id";

	private WebhookSignature() {
	}

	/** The value of {@link #SIGNATURE_HEADER} for this secret, timestamp and body. */
	public static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
