package org.valise.notification.acknowledgement;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.valise.notification.ValiseProperties;
import org.valise.notification.delivery.AcknowledgementLinkSigner;

import org.springframework.beans.factory.annotation.Autowired;
import org.valise.platform.security.InsecureConfigurationException;
import org.valise.platform.security.SecretsCheck;
import org.springframework.stereotype.Component;

/**
 * The signed one-click acknowledgement links: a token carrying the note, the office and an expiry, signed with
 * HMAC-SHA256 ({@code valise.acknowledgement.link-secret}). A link proves the office without a bearer token; whether it
 * was already used is decided by the tracking topology (each token has its own id).
 */
@Component
public class AcknowledgementLinks implements AcknowledgementLinkSigner {

	private static final String VERSION = "v1";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	private final Duration validity;

	private final String base;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	AcknowledgementLinks(ValiseProperties properties) {
		this(properties.acknowledgement().linkSecret(), properties.acknowledgement().linkValidity(),
				properties.publicUrl(), Clock.systemUTC());
	}

	AcknowledgementLinks(String secret, Duration validity, URI publicUrl, Clock clock) {
		if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < SecretsCheck.MIN_BYTES) {
			throw new InsecureConfigurationException(List.of("VALISE_ACK_LINK_SECRET (valise.acknowledgement.link-secret) "
					+ "must be at least " + SecretsCheck.MIN_BYTES + " bytes long"));
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.validity = validity;
		String url = publicUrl.toString();
		this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/api/v1/acknowledgements/";
		this.clock = clock;
	}

	/** A new link (with a token of its own) by which this office acknowledges this note. */
	@Override
	public URI link(UUID noteId, String office) {
		return URI.create(this.base + token(noteId, office, this.clock.instant().plus(this.validity)));
	}

	/** A signed token. */
	String token(UUID noteId, String office, Instant expiresAt) {
		if (office.indexOf('|') >= 0) {
			throw new IllegalArgumentException("office id must not contain '|'");
		}
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		String claims = String.join("|", VERSION, noteId.toString(), office,
				String.valueOf(expiresAt.getEpochSecond()), ENCODER.encodeToString(nonce));
		String payload = ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		return payload + "." + ENCODER.encodeToString(sign(payload));
	}

	/** The note a valid link is for; empty for a malformed, forged or expired one. */
	public Optional<UUID> noteOf(String token) {
		try {
			return Optional.of(verify(token).noteId());
		}
		catch (InvalidLink | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Checks a token's signature and expiry.
	 * @throws InvalidLink when it is malformed, forged or expired
	 */
	LinkClaims verify(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			throw new InvalidLink(InvalidLink.FORGED, "the link is malformed");
		}
		String payload = token.substring(0, dot);
		byte[] signature;
		String[] claims;
		try {
			signature = DECODER.decode(token.substring(dot + 1));
			claims = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLink(InvalidLink.FORGED, "the link is malformed");
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			throw new InvalidLink(InvalidLink.FORGED, "the link's signature is not valid");
		}
		if (claims.length != 5 || !VERSION.equals(claims[0])) {
			throw new InvalidLink(InvalidLink.FORGED, "the link is malformed");
		}
		Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(claims[3]));
		if (!this.clock.instant().isBefore(expiresAt)) {
			throw new InvalidLink(InvalidLink.EXPIRED, "the link expired at " + expiresAt);
		}
		return new LinkClaims(UUID.fromString(claims[1]), claims[2], expiresAt, claims[4]);
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * What a valid link says.
	 *
	 * @param noteId the note
	 * @param office the office it was issued to
	 * @param expiresAt until when it is valid
	 * @param tokenId the token's own id (single use)
	 */
	record LinkClaims(UUID noteId, String office, Instant expiresAt, String tokenId) {
	}

	/** A link that is malformed, forged or expired. */
	static class InvalidLink extends RuntimeException {

		static final String FORGED = "FORGED";

		static final String EXPIRED = "EXPIRED";

		private final String reason;

		InvalidLink(String reason, String message) {
			super(message);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

}
