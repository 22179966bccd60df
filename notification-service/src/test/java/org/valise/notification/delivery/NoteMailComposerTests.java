package org.valise.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail announcing a note: subject, explanation, fields, acknowledgement instructions and full text.
 */
class NoteMailComposerTests {

	private static final UUID NOTE = UUID.fromString("0b9f6a52-5f7e-4a8e-9d3c-2f1d6c1e7a01");

	private final NoteMailComposer composer = new NoteMailComposer(URI.create("http://127.0.0.1:8083/"));

	@Test
	void namesRegistryNumberReferenceSenderAndOfficeInTheSubject() {
		NoteMail mail = this.composer.compose(routed("ROUTED"), "Kingdom <b>of</b> Cambodia ព្រះរាជាណាចក្រកម្ពុជា");

		assertThat(mail.subject()).isEqualTo("[IN/2026/000001] Note No. 2021/01/105 from Permanent Mission of Cambodia"
				+ " — for Office of the Director General");
	}

	@Test
	void explainsTheRoutingAndTellsHowToAcknowledge() {
		NoteMail mail = this.composer.compose(routed("ROUTED"), "text");

		assertThat(List.of(mail.text(), mail.html())).allSatisfy((part) -> assertThat(part).contains("IN/2026/000001",
				"highest-destination", "The note asks for its highest destination.",
				"conveyed to its highest destination", "2021-01-28", "Letter of the Prime Minister",
				"POST http://127.0.0.1:8083/api/v1/notes/" + NOTE + "/acknowledgements", "Authorization: Bearer"));
	}

	@Test
	void carriesTheFullTextInAnyScriptAndEscapesItInHtml() {
		NoteMail mail = this.composer.compose(routed("ROUTED"), "Kingdom <b>of</b> Cambodia ព្រះរាជាណាចក្រកម្ពុជា");

		assertThat(mail.text()).contains("Kingdom <b>of</b> Cambodia ព្រះរាជាណាចក្រកម្ពុជា");
		assertThat(mail.html()).contains("Kingdom &lt;b&gt;of&lt;/b&gt; Cambodia ព្រះរាជាណាចក្រកម្ពុជា");
	}

	@Test
	void offersTheSignedLinkInBothParts() {
		URI link = URI.create("http://127.0.0.1:8083/api/v1/acknowledgements/abc.def");

		NoteMail mail = this.composer.compose(routed("ROUTED"), "text", false, link, null);

		assertThat(mail.text()).contains("With one click", link.toString(), "POST http://127.0.0.1:8083/api/v1/notes/");
		assertThat(mail.html()).contains("<a href=\"" + link + "\">Acknowledge receipt</a>");
	}

	@Test
	void tellsTheOfficeEscalatedToWhyItGetsTheNote() {
		Office ddgo = new Office("DDGO", "Office of the Deputy Director General for Operations", null, null, List.of());
		NoteRouted routed = routed("ROUTED");
		NoteEscalated escalation = new NoteEscalated(NOTE, "IN/2026/000001", 1, 1, routed.destination(), ddgo,
				routed.acknowledgementDeadline(), Instant.parse("2026-11-26T10:00:00Z"), null, "HIGH", routed.note());

		NoteMail mail = this.composer.compose(routed, "text", false, null, escalation);

		assertThat(mail.subject()).startsWith("[ESCALATED] [IN/2026/000001]")
			.endsWith("— for Office of the Deputy Director General for Operations");
		assertThat(mail.text()).startsWith("This note was routed to Office of the Director General and was not "
				+ "acknowledged by 2026-11-26T10:00:00Z: it is escalated to Office of the Deputy Director General for "
				+ "Operations (level 1)");
	}

	@Test
	void tellsAnOfficeInCopyItIsInformedAndAskedNothing() {
		Office dpr = new Office("DPR", "Department of Policy and Research", null, null, List.of());
		NoteRouted routed = routed("ROUTED");

		NoteMail mail = this.composer.compose(routed, "text", false, null, null, dpr);

		assertThat(mail.subject()).startsWith("[COPY] [IN/2026/000001]").endsWith("— for Department of Policy and Research");
		assertThat(mail.text()).startsWith("The registry routed this note to Office of the Director General; "
				+ "Department of Policy and Research receives this copy for information. No acknowledgement is asked of it.")
			.contains("Nothing: an office in copy is informed")
			.doesNotContain("POST http://127.0.0.1:8083/api/v1/notes/");
	}

	@Test
	void asksTheTriageOfficeToTriage() {
		NoteMail mail = this.composer.compose(routed("TRIAGE"), "text");

		assertThat(mail.text()).startsWith("No routing rule could decide where this note goes");
	}

	@Test
	void escapesMarkupInTheFieldsInTheHtmlPartOnly() {
		NoteMail mail = this.composer.compose(routed("ROUTED", fields("Mission <script>alert(1)</script>",
				"<i>Annex</i>")), "text");

		assertThat(mail.html()).doesNotContain("<script>", "<i>")
			.contains("<title>[IN/2026/000001] Note No. 2021/01/105 from Mission &lt;script&gt;alert(1)&lt;/script&gt;",
					"<td>Mission &lt;script&gt;alert(1)&lt;/script&gt;</td>", "<li>&lt;i&gt;Annex&lt;/i&gt; — by HUN Sen");
		assertThat(mail.text()).contains("Sender: Mission <script>alert(1)</script>\n",
				"Enclosure: <i>Annex</i> — by HUN Sen, to Director General\n");
	}

	@Test
	void showsADashForAFieldNotRead() {
		NoteMail mail = this.composer.compose(routed("ROUTED"), "text");

		assertThat(mail.text()).contains("In reply to: —\n", "Subject: —\n");
		assertThat(mail.html()).contains("<th align=\"left\">In reply to</th><td>—</td>",
				"<th align=\"left\">Subject</th><td>—</td>");
	}

	@Test
	void carriesTemplateSyntaxInTheNoteAsText() {
		String text = "[(${7*191})] [[${subject}]] <p th:text=\"${intro}\">x</p>";

		NoteMail mail = this.composer.compose(routed("ROUTED"), text);

		assertThat(mail.text()).contains("FULL TEXT\n----------\n" + text + "\n----------\n").doesNotContain("1337");
		assertThat(mail.html()).contains("[(${7*191})] [[${subject}]] &lt;p th:text=&quot;${intro}&quot;&gt;x&lt;/p&gt;")
			.doesNotContain("1337");
	}

	@Test
	void offersOnlyTheApiWithoutASignedLink() {
		NoteMail mail = this.composer.compose(routed("ROUTED"), "text");

		assertThat(mail.text()).doesNotContain("With one click").contains("POST http://127.0.0.1:8083/api/v1/notes/");
		assertThat(mail.html()).doesNotContain("<a href=", "Acknowledge receipt</a>")
			.contains("<pre>POST http://127.0.0.1:8083/api/v1/notes/" + NOTE + "/acknowledgements\nAuthorization: Bearer");
	}

	@Test
	void saysWhereToReadATextTooLargeToMail() {
		NoteMail mail = this.composer.compose(routed("ROUTED"), null, true, null, null);

		assertThat(List.of(mail.text(), mail.html())).allSatisfy((part) -> assertThat(part)
			.contains("(the text is too large to be sent by e-mail: the registry holds it, under IN/2026/000001, note "
					+ NOTE + ")"));
	}

	private static NoteRouted routed(String outcome) {
		return routed(outcome, fields("Permanent Mission of Cambodia", "Letter of the Prime Minister"));
	}

	private static NoteFields fields(String sender, String enclosure) {
		return new NoteFields("note_verbale", "en", "2021/01/105", null, LocalDate.of(2021, 1, 28), "Geneva", sender,
				"International Organisation for Migration", "Director General",
				List.of(new NoteFields.Enclosure(enclosure, "HUN Sen", "Director General")),
				"convey to its highest destination", true, false, List.of("Latin", "Khmer"), null, Map.of());
	}

	private static NoteRouted routed(String outcome, NoteFields fields) {
		Office odg = new Office("ODG", "Office of the Director General", "Director General", null,
				List.of(new Office.Channel("email", "odg@iom.example.org")));
		Instant now = Instant.parse("2026-11-25T10:00:00Z");
		return new NoteRouted(NOTE, "IN/2026/000001", now, now, outcome, odg, List.of(), "HIGH", now.plusSeconds(86400),
				new NoteRouted.Explanation("highest-destination", "The note asks for its highest destination.",
						List.of("conveyed to its highest destination")),
				now, fields, null, 1, "rules", null);
	}

}
