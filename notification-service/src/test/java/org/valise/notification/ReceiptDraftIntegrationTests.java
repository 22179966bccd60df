package org.valise.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgement-of-receipt note verbale, drafted on registration in the sender's language, as the event
 * ReceiptDrafted and on the tracking view; and the search over the tracking views.
 */
class ReceiptDraftIntegrationTests extends BrokerTestSupport {

	private static final String DRAFTED = "org.valise.note.receipt-drafted.v1";

	private static final Instant REGISTERED = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void draftsTheReceiptOfTheReferenceNoteInEnglish() throws Exception {
		// given the reference note, registered on 25 November 2026
		UUID noteId = UUID.randomUUID();
		String text = SampleNotes.referenceNote();

		// when it is registered and routed
		publishRouted(noteId, REGISTERED, routing(noteId, "IN/2026/000001",
				office("ODG", "Office of the Director General", List.of(email("odg-receipt@iom.example.org"))))
			.note(referenceNoteFields(text))
			.set("text", text)
			.registeredAt(REGISTERED)
			.json());

		// then the draft cites the note's number and date and the registry number, in the proper third-person form
		JsonNode drafted = json.readTree(awaitDeliveryRecord(DRAFTED, noteId).value());
		String mission = "the Permanent Mission of the Kingdom of Cambodia to the United Nations Office and other "
				+ "International Organisations at Geneva";
		assertThat(drafted.path("text").asString()).isEqualTo("The International Organization for Migration presents "
				+ "its compliments to " + mission + " and has the honour to acknowledge receipt of its note No. "
				+ "2021/01/105 dated 28 January 2021, registered under No. IN/2026/000001, and of its enclosure.\n\n"
				+ "The note has been brought to the attention of the competent services of the Organization.\n\n"
				+ "The International Organization for Migration avails itself of this opportunity to renew to "
				+ mission + " the assurances of its highest consideration.\n\nGeneva, 25 November 2026");
		assertThat(drafted.path("language").asString()).isEqualTo("en");
		assertThat(drafted.path("trigger").asString()).isEqualTo("REGISTRATION");
		assertThat(drafted.path("reference").asString()).isEqualTo("2021/01/105");
		assertThat(drafted.path("noteDate").asString()).isEqualTo("2021-01-28");
		JsonNode tracking = awaitTracking(noteId, (view) -> !view.path("receiptDraft").isNull());
		assertThat(tracking.path("receiptDraft").path("text").asString()).isEqualTo(drafted.path("text").asString());
		assertThat(deliveryRecords(noteId, DRAFTED)).hasSize(1);
	}

	@Test
	void draftsTheReceiptOfAFrenchAndASpanishNoteInTheirLanguage() throws Exception {
		// given the Malagasy note in French and the Peruvian note in Spanish
		UUID french = UUID.randomUUID();
		UUID spanish = UUID.randomUUID();
		Map<String, Object> frenchNote = fields("fr", "212-MPMG/19", "2019-10-17", "Genève", "Mission permanente de "
				+ "la République de Madagascar auprès de l'Office des Nations Unies et des institutions spécialisées à "
				+ "Genève");
		frenchNote.put("enclosures", List.of(Map.of("title", "lettre du Premier ministre", "author",
				"Le Premier ministre, Chef du Gouvernement", "addressee", "Directeur général")));
		Map<String, Object> spanishNote = fields("es", "7-1-M/154", "2022-08-23", "Ginebra", "Misión Permanente del "
				+ "Perú ante la Oficina de las Naciones Unidas y otros Organismos Internacionales con sede en Ginebra");

		// when both are registered
		publishRouted(french, REGISTERED, routing(french, "IN/2026/000401",
				office("DPR", "Department of Policy and Research", List.of())).note(frenchNote)
			.registeredAt(REGISTERED)
			.json());
		publishRouted(spanish, REGISTERED, routing(spanish, "IN/2026/000402",
				office("DMM", "Department of Migration Management", List.of())).note(spanishNote)
			.registeredAt(REGISTERED)
			.json());

		// then each draft is in the sender's language, with the dates written out in it
		JsonNode fr = json.readTree(awaitDeliveryRecord(DRAFTED, french).value());
		assertThat(fr.path("language").asString()).isEqualTo("fr");
		assertThat(fr.path("text").asString()).startsWith("L'Organisation internationale pour les migrations présente "
				+ "ses compliments à la Mission permanente de la République de Madagascar auprès de l'Office des "
				+ "Nations Unies et des institutions spécialisées à Genève et a l'honneur d'accuser réception de sa "
				+ "note n° 212-MPMG/19 du 17 octobre 2019, enregistrée sous le n° IN/2026/000401, ainsi que de sa "
				+ "pièce jointe.")
			.contains("L'Organisation internationale pour les migrations saisit cette occasion pour renouveler à la "
					+ "Mission permanente de la République de Madagascar")
			.contains("les assurances de sa très haute considération.")
			.endsWith("Genève, le 25 novembre 2026");
		JsonNode es = json.readTree(awaitDeliveryRecord(DRAFTED, spanish).value());
		assertThat(es.path("language").asString()).isEqualTo("es");
		assertThat(es.path("text").asString()).startsWith("La Organización Internacional para las Migraciones saluda "
				+ "muy atentamente a la Misión Permanente del Perú ante la Oficina de las Naciones Unidas y otros "
				+ "Organismos Internacionales con sede en Ginebra y tiene el honor de acusar recibo de su nota "
				+ "n.º 7-1-M/154 de fecha 23 de agosto de 2022, registrada con el n.º IN/2026/000402.")
			.contains("aprovecha la oportunidad para reiterar a la Misión Permanente del Perú")
			.contains("las seguridades de su más alta consideración.")
			.endsWith("Ginebra, 25 de noviembre de 2026");

		// and the search finds notes by text, state and office, page by page
		JsonNode byNumber = json.readTree(get("/api/v1/notes?q=in/2026/000401").body());
		assertThat(byNumber.path("totalItems").asInt()).isEqualTo(1);
		assertThat(byNumber.path("items").get(0).path("noteId").asString()).isEqualTo(french.toString());
		assertThat(byNumber.path("items").get(0).path("language").asString()).isEqualTo("fr");
		JsonNode bySender = json.readTree(get("/api/v1/notes?q=Madagascar&state=ROUTED&office=DPR").body());
		assertThat(bySender.path("items")).extracting((item) -> item.path("noteId").asString())
			.contains(french.toString())
			.doesNotContain(spanish.toString());
		JsonNode paged = json.readTree(get("/api/v1/notes?size=1&page=0").body());
		assertThat(paged.path("items")).hasSize(1);
		assertThat(paged.path("totalPages").asInt()).isEqualTo(paged.path("totalItems").asInt());
		assertThat(get("/api/v1/notes?size=0").statusCode()).isEqualTo(400);
		assertThat(problem(get("/api/v1/notes?state=LOST")).path("errors").path(0).path("field").asString()).isEqualTo("state");
	}

}
