package org.valise.notification.acknowledgement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the signed acknowledgement link: what the confirmation page shows and asks, escaped; what the page
 * after the confirmation says.
 */
class AcknowledgementPagesTests {

	private static final UUID NOTE = UUID.fromString("0b9f6a52-5f7e-4a8e-9d3c-2f1d6c1e7a01");

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final Instant EXPIRES = Instant.parse("2026-12-25T10:00:00Z");

	private final AcknowledgementPages pages = new AcknowledgementPages(200, 2000);

	@Test
	void showsTheNoteAndAFormThatPostsBackToTheLink() {
		String page = this.pages.confirmation(claims("PROTOCOL"), tracking("Visit of the Minister"));

		assertThat(page).startsWith("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
				+ "<title>Acknowledge note IN/2026/000201</title>")
			.contains("<h1>Acknowledge note IN/2026/000201</h1>",
					"<tr><th align=\"left\">For</th><td>PROTOCOL</td></tr>",
					"<tr><th align=\"left\">Reference</th><td>2021/01/105</td></tr>",
					"<tr><th align=\"left\">Date</th><td>2021-01-28</td></tr>",
					"<tr><th align=\"left\">Sender</th><td>Permanent Mission of Cambodia</td></tr>",
					"<tr><th align=\"left\">Subject</th><td>Visit of the Minister</td></tr>",
					"<tr><th align=\"left\">Status</th><td>ROUTED</td></tr>",
					"<tr><th align=\"left\">Acknowledge by</th><td>2026-11-26T10:00:00Z</td></tr>",
					"<form method=\"post\">", "<button type=\"submit\">Acknowledge receipt</button>")
			.doesNotContain("action=", "th:", "<script");
	}

	@Test
	void limitsTheFieldsAsTheServerDoes() {
		String page = new AcknowledgementPages(120, 900).confirmation(claims("PROTOCOL"), tracking(null));

		assertThat(page).contains("<input name=\"acknowledgedBy\" maxlength=\"120\" required>",
				"<textarea name=\"comment\" maxlength=\"900\"></textarea>");
		assertThat(this.pages.confirmation(claims("PROTOCOL"), tracking(null))).contains("maxlength=\"200\"",
				"maxlength=\"2000\"");
	}

	@Test
	void saysTheLinkWorksOnceForWhichOfficeAndUntilWhen() {
		String page = this.pages.confirmation(claims("PROTOCOL"), tracking(null));

		assertThat(page).contains("<p>This link works once and only for office PROTOCOL. It expires at "
				+ "2026-12-25T10:00:00Z.</p>");
	}

	@Test
	void escapesTheNoteFieldsAndShowsADashForAFieldNotRead() {
		String page = this.pages.confirmation(claims("PROTOCOL"), tracking("<script>alert('x')</script>"));

		assertThat(page).doesNotContain("<script>")
			.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>");
		assertThat(this.pages.confirmation(claims("PROTOCOL"), tracking(null)))
			.contains("<tr><th align=\"left\">Subject</th><td>—</td></tr>");
	}

	@Test
	void leavesOutTheNoteRowsWhenTheNoteIsNotKnown() {
		NoteTracking bare = NoteTracking.start(NoteId.of(NOTE));

		String page = this.pages.confirmation(claims("PROTOCOL"), bare);

		assertThat(page).contains("<td>PROTOCOL</td>", "<th align=\"left\">Status</th>")
			.doesNotContain("Reference", "Sender");
	}

	@Test
	void saysTheNoteIsAcknowledgedForTheOfficeByWhom() {
		String page = this.pages.acknowledged(accepted(AcknowledgementAccepted.ACKNOWLEDGED, "IN/2026/000201",
				"Chief of <Protocol>"));

		assertThat(page).contains("<title>Acknowledged</title>", "<h1>Acknowledged</h1>",
				"<p>Note IN/2026/000201 is acknowledged for PROTOCOL by Chief of &lt;Protocol&gt;.</p>");
	}

	@Test
	void saysTheAcknowledgementIsRecordedWhileItsDecisionIsPending() {
		String page = this.pages.acknowledged(accepted(AcknowledgementAccepted.PENDING, null, "Chief of Protocol"));

		assertThat(page).contains("<h1>Acknowledgement recorded</h1>", "<p>Note " + NOTE + " is acknowledged");
	}

	private static AcknowledgementLinks.LinkClaims claims(String office) {
		return new AcknowledgementLinks.LinkClaims(NOTE, office, EXPIRES, "token-1");
	}

	private static AcknowledgementAccepted accepted(String status, String registryNumber, String by) {
		return new AcknowledgementAccepted(status, NOTE, registryNumber, "PROTOCOL", by, NOW, null, null, "command-1");
	}

	static NoteTracking tracking(String subject) {
		Office protocol = new Office("PROTOCOL", "Protocol Office", null, null, List.of());
		NoteFields fields = new NoteFields("note_verbale", "en", "2021/01/105", null, LocalDate.of(2021, 1, 28),
				"Geneva", "Permanent Mission of Cambodia", "IOM", null, List.of(), null, false, false, List.of("Latin"),
				subject, Map.of());
		NoteRouted routed = new NoteRouted(NOTE, "IN/2026/000201", NOW, NOW, "ROUTED", protocol, List.of(), "NORMAL",
				NOW.plusSeconds(86400), new NoteRouted.Explanation("protocol", "Protocol matters.", List.of()), NOW,
				fields, null, 1, "rules", null);
		return NoteTracking.start(NoteId.of(NOTE)).routed("e-1", NOW, routed, null);
	}

}
