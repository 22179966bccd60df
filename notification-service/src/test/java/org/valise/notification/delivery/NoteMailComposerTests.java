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
	void asksTheTriageOfficeToTriage() {
		NoteMail mail = this.composer.compose(routed("TRIAGE"), "text");

		assertThat(mail.text()).startsWith("No routing rule could decide where this note goes");
	}

	private static NoteRouted routed(String outcome) {
		Office odg = new Office("ODG", "Office of the Director General", "Director General", null,
				List.of(new Office.Channel("email", "odg@iom.example.org")));
		NoteFields fields = new NoteFields("note_verbale", "en", "2021/01/105", null, LocalDate.of(2021, 1, 28),
				"Geneva", "Permanent Mission of Cambodia", "International Organisation for Migration",
				"Director General", List.of(new NoteFields.Enclosure("Letter of the Prime Minister", "HUN Sen",
						"Director General")),
				"convey to its highest destination", true, false, List.of("Latin", "Khmer"), null, Map.of());
		Instant now = Instant.parse("2026-11-25T10:00:00Z");
		return new NoteRouted(NOTE, "IN/2026/000001", now, now, outcome, odg, List.of(), "HIGH", now.plusSeconds(86400),
				new NoteRouted.Explanation("highest-destination", "The note asks for its highest destination.",
						List.of("conveyed to its highest destination")),
				now, fields, null, 1, "rules", null);
	}

}
