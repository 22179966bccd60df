package org.valise.notification.acknowledgement;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signed acknowledgement links: valid ones carry note, office and expiry; altered, foreign and expired ones are
 * refused.
 */
class AcknowledgementLinksTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final UUID NOTE = UUID.fromString("0b9f6a52-5f7e-4a8e-9d3c-2f1d6c1e7a01");

	private final AcknowledgementLinks links = links("a-secret-of-at-least-thirty-two-bytes", NOW);

	@Test
	void makesALinkThatProvesTheNoteAndTheOffice() {
		URI link = this.links.link(NOTE, "ODG");
		String token = link.getPath().substring("/api/v1/acknowledgements/".length());

		AcknowledgementLinks.LinkClaims claims = this.links.verify(token);

		assertThat(link.toString()).startsWith("https://valise.example.org/api/v1/acknowledgements/");
		assertThat(claims.noteId()).isEqualTo(NOTE);
		assertThat(claims.office()).isEqualTo("ODG");
		assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
		assertThat(this.links.verify(this.links.token(NOTE, "ODG", NOW.plusSeconds(60))).tokenId())
			.isNotEqualTo(claims.tokenId());
	}

	@Test
	void refusesATokenSignedWithAnotherSecretOrAltered() {
		String foreign = links("another-secret-of-at-least-32-bytes", NOW).token(NOTE, "ODG", NOW.plusSeconds(60));
		String token = this.links.token(NOTE, "ODG", NOW.plusSeconds(60));

		assertThatThrownBy(() -> this.links.verify(foreign)).isInstanceOf(AcknowledgementLinks.InvalidLink.class)
			.hasMessage("the link's signature is not valid");
		assertThatThrownBy(() -> this.links.verify("x" + token)).isInstanceOf(AcknowledgementLinks.InvalidLink.class);
		assertThatThrownBy(() -> this.links.verify("no-dot")).hasMessage("the link is malformed");
		assertThatThrownBy(() -> this.links.verify("a.b.c")).hasMessage("the link is malformed");
	}

	@Test
	void refusesAnExpiredToken() {
		String token = this.links.token(NOTE, "ODG", NOW.minusSeconds(1));

		assertThatThrownBy(() -> this.links.verify(token)).isInstanceOfSatisfying(
				AcknowledgementLinks.InvalidLink.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AcknowledgementLinks.InvalidLink.EXPIRED));
	}

	private static AcknowledgementLinks links(String secret, Instant now) {
		return new AcknowledgementLinks(secret, Duration.ofDays(30), URI.create("https://valise.example.org/"),
				Clock.fixed(now, ZoneOffset.UTC));
	}

}
