package org.valise.notification.acknowledgement;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.streams.TrackingQueries;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The signed link's pages as the controller serves them: a GET shows the confirmation page and acknowledges nothing,
 * a POST acknowledges for the link's office; both pages kept out of caches and Referer headers, with no script;
 * forged and expired links refused.
 */
class AcknowledgementLinkControllerTests {

	private static final UUID NOTE = UUID.fromString("0b9f6a52-5f7e-4a8e-9d3c-2f1d6c1e7a01");

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final AcknowledgementLinks links = new AcknowledgementLinks("a-secret-of-at-least-thirty-two-bytes",
			Duration.ofDays(30), URI.create("https://valise.example.org"), Clock.fixed(NOW, ZoneOffset.UTC));

	private final Acknowledgements acknowledgements = mock(Acknowledgements.class);

	private final TrackingQueries trackings = mock(TrackingQueries.class);

	private final AcknowledgementLinkController controller = new AcknowledgementLinkController(this.links,
			this.acknowledgements, this.trackings);

	@Test
	void showsTheConfirmationPageAndAcknowledgesNothing() {
		given(this.trackings.find(NoteId.of(NOTE))).willReturn(Optional.of(AcknowledgementPagesTests.tracking(null)));

		ResponseEntity<String> page = this.controller.confirmPage(token(NOW.plusSeconds(3600)));

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertPrivatePage(page);
		assertThat(page.getBody()).contains("Acknowledge note IN/2026/000201", "<form method=\"post\">",
				"only for office PROTOCOL. It expires at 2026-11-25T11:00:00Z.");
		verify(this.acknowledgements, never()).acknowledge(any(), anyString(), anyString(), any(), anyString(),
				anyString());
	}

	@Test
	void acknowledgesOnAPostForTheLinksOfficeAndSaysSo() {
		String token = token(NOW.plusSeconds(3600));
		String tokenId = this.links.verify(token).tokenId();
		given(this.acknowledgements.acknowledge(NoteId.of(NOTE), "PROTOCOL", "Chief of Protocol", "Seen.",
				AcknowledgeNote.VIA_LINK, tokenId))
			.willReturn(new AcknowledgementAccepted(AcknowledgementAccepted.ACKNOWLEDGED, NOTE, "IN/2026/000201",
					"PROTOCOL", "Chief of Protocol", NOW, "Seen.", "event-1", "command-1"));

		ResponseEntity<String> page = this.controller.confirm(token, "  Chief of Protocol ", "Seen.");

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertPrivatePage(page);
		assertThat(page.getBody()).contains("<h1>Acknowledged</h1>",
				"Note IN/2026/000201 is acknowledged for PROTOCOL by Chief of Protocol.");
	}

	@Test
	void refusesANameOrCommentLongerThanTheFormAllows() {
		String token = token(NOW.plusSeconds(3600));

		assertThatThrownBy(() -> this.controller.confirm(token, "n".repeat(201), null))
			.isInstanceOfSatisfying(ErrorResponseException.class,
					(ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThatThrownBy(() -> this.controller.confirm(token, "Chief", "c".repeat(2001)))
			.isInstanceOfSatisfying(ErrorResponseException.class,
					(ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		verify(this.acknowledgements, never()).acknowledge(any(), anyString(), anyString(), any(), anyString(),
				anyString());
	}

	@Test
	void refusesAForgedLinkAndAnExpiredOne() {
		String token = token(NOW.plusSeconds(3600));
		String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

		assertThatThrownBy(() -> this.controller.confirmPage(forged)).isInstanceOfSatisfying(
				ErrorResponseException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThatThrownBy(() -> this.controller.confirm(token(NOW), "Chief", null)).isInstanceOfSatisfying(
				ErrorResponseException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.GONE));
		verify(this.acknowledgements, never()).acknowledge(eq(NoteId.of(NOTE)), anyString(), anyString(), any(),
				anyString(), anyString());
	}

	private String token(Instant expiresAt) {
		return this.links.token(NOTE, "PROTOCOL", expiresAt);
	}

	private static void assertPrivatePage(ResponseEntity<String> page) {
		assertThat(page.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
		assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; form-action 'self'; frame-ancestors 'none'");
	}

}
