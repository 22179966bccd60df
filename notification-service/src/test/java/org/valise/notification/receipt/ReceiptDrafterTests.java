package org.valise.notification.receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.valise.notification.event.NoteFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The acknowledgement-of-receipt note verbale: form and facts in English, French and Spanish.
 */
class ReceiptDrafterTests {

	private static final Instant REGISTERED = Instant.parse("2026-11-25T10:00:00Z");

	private final ReceiptDrafter drafter = new ReceiptDrafter(
			Map.of("en", "The International Organization for Migration", "fr",
					"L'Organisation internationale pour les migrations", "es",
					"La Organización Internacional para las Migraciones"),
			Map.of("en", "Geneva", "fr", "Genève", "es", "Ginebra"), ZoneId.of("Europe/Zurich"));

	@Test
	void draftsTheReceiptOfTheReferenceNote() {
		NoteFields note = note("note_verbale", "en", "2021/01/105", LocalDate.of(2021, 1, 28),
				"Permanent Mission of the Kingdom of Cambodia to the United Nations Office and other International "
						+ "Organisations at Geneva", 1);

		ReceiptDraft draft = this.drafter.draft(note, "IN/2026/000001", REGISTERED, ReceiptDraft.ON_REGISTRATION);

		String mission = "the Permanent Mission of the Kingdom of Cambodia to the United Nations Office and other "
				+ "International Organisations at Geneva";
		assertThat(draft.text()).isEqualTo("The International Organization for Migration presents its compliments to "
				+ mission + " and has the honour to acknowledge receipt of its note No. 2021/01/105 dated 28 January "
				+ "2021, registered under No. IN/2026/000001, and of its enclosure.\n\n"
				+ "The note has been brought to the attention of the competent services of the Organization.\n\n"
				+ "The International Organization for Migration avails itself of this opportunity to renew to "
				+ mission + " the assurances of its highest consideration.\n\nGeneva, 25 November 2026");
		assertThat(draft.language()).isEqualTo("en");
		assertThat(draft.addressee()).isEqualTo(mission);
		assertThat(draft.reference()).isEqualTo("2021/01/105");
		assertThat(draft.noteDate()).isEqualTo(LocalDate.of(2021, 1, 28));
		assertThat(draft.draftedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
	}

	@Test
	void draftsInFrenchWithTheArticleAndTheDateOfTheLanguage() {
		NoteFields note = note("note_verbale", "fr", "212-MPMG/19", LocalDate.of(2019, 10, 17),
				"Mission permanente de la République de Madagascar auprès de l'Office des Nations Unies et des "
						+ "institutions spécialisées à Genève", 1);

		ReceiptDraft draft = this.drafter.draft(note, "IN/2026/000002", REGISTERED, ReceiptDraft.ON_REGISTRATION);

		String mission = "à la Mission permanente de la République de Madagascar auprès de l'Office des Nations Unies "
				+ "et des institutions spécialisées à Genève";
		assertThat(draft.text()).isEqualTo("L'Organisation internationale pour les migrations présente ses compliments "
				+ mission + " et a l'honneur d'accuser réception de sa note n° 212-MPMG/19 du 17 octobre 2019, "
				+ "enregistrée sous le n° IN/2026/000002, ainsi que de sa pièce jointe.\n\n"
				+ "La note a été portée à l'attention des services compétents de l'Organisation.\n\n"
				+ "L'Organisation internationale pour les migrations saisit cette occasion pour renouveler " + mission
				+ " les assurances de sa très haute considération.\n\nGenève, le 25 novembre 2026");
	}

	@Test
	void draftsInSpanishWithTheArticleAndTheDateOfTheLanguage() {
		NoteFields note = note("note_verbale", "es", "7-1-M/154", LocalDate.of(2022, 8, 23),
				"Misión Permanente del Perú ante la Oficina de las Naciones Unidas y otros Organismos Internacionales "
						+ "con sede en Ginebra", 0);

		ReceiptDraft draft = this.drafter.draft(note, "IN/2026/000003", REGISTERED, ReceiptDraft.ON_REGISTRATION);

		String mission = "a la Misión Permanente del Perú ante la Oficina de las Naciones Unidas y otros Organismos "
				+ "Internacionales con sede en Ginebra";
		assertThat(draft.text()).isEqualTo("La Organización Internacional para las Migraciones saluda muy atentamente "
				+ mission + " y tiene el honor de acusar recibo de su nota n.º 7-1-M/154 de fecha 23 de agosto de "
				+ "2022, registrada con el n.º IN/2026/000003.\n\n"
				+ "La nota ha sido puesta en conocimiento de los servicios competentes de la Organización.\n\n"
				+ "La Organización Internacional para las Migraciones aprovecha la oportunidad para reiterar " + mission
				+ " las seguridades de su más alta consideración.\n\nGinebra, 25 de noviembre de 2026");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "en|Australian Permanent Mission to the United Nations in Geneva|"
			+ "presents its compliments to the Australian Permanent Mission",
			"en|The Permanent Mission of Nepal|presents its compliments to the Permanent Mission of Nepal and",
			"fr|Ministère des Affaires étrangères|présente ses compliments au Ministère des Affaires étrangères et",
			"fr|Ambassade de France|présente ses compliments à l'Ambassade de France et",
			"fr|Son Excellence l'Ambassadeur|présente ses compliments à Son Excellence l'Ambassadeur et",
			"es|Ministerio de Relaciones Exteriores|saluda muy atentamente al Ministerio de Relaciones Exteriores y",
			"es|Embajada del Uruguay|saluda muy atentamente a la Embajada del Uruguay y" })
	void namesTheSenderWithTheArticleItTakes(String language, String sender, String expected) {
		ReceiptDraft draft = this.drafter.draft(note("note_verbale", language, "1", LocalDate.of(2024, 7, 1), sender, 0),
				"IN/2026/000004", REGISTERED, ReceiptDraft.ON_REGISTRATION);

		assertThat(draft.text()).contains(expected);
	}

	@Test
	void writesTheFirstOfTheMonthAsFrenchDoes() {
		ReceiptDraft draft = this.drafter.draft(note("note_verbale", "fr", "9", LocalDate.of(2024, 7, 1), "Mission X", 0),
				"IN/2026/000005", REGISTERED, ReceiptDraft.ON_REGISTRATION);

		assertThat(draft.text()).contains("sa note n° 9 du 1er juillet 2024,");
	}

	@Test
	void citesWhatIsKnownOfALetterWithoutReferenceOrDate() {
		ReceiptDraft draft = this.drafter.draft(note("letter", "en", null, null,
				"Ambassador, Permanent Representative of Finland", 0), "IN/2026/000006", REGISTERED,
				ReceiptDraft.ON_ACKNOWLEDGEMENT);

		assertThat(draft.text()).contains("acknowledge receipt of its letter, registered under No. IN/2026/000006.",
				"The letter has been brought");
		assertThat(draft.trigger()).isEqualTo("ACKNOWLEDGEMENT");
	}

	@Test
	void draftsInEnglishForAnotherLanguageAndNothingForJunk() {
		NoteFields arabic = note("note_verbale", "ar", "258", LocalDate.of(2022, 9, 12), "Permanent Mission of Egypt", 0);

		assertThat(this.drafter.draft(arabic, "IN/2026/000007", REGISTERED, "REGISTRATION").language()).isEqualTo("en");
		assertThat(this.drafter.draft(note("other", "en", null, null, null, 0), "IN/2026/000008", REGISTERED,
				"REGISTRATION")).isNull();
	}

	@Test
	void draftsInEnglishInALanguageWithoutABundle() {
		NoteFields german = note("note_verbale", "de", "RK-12", LocalDate.of(2024, 3, 1), "Ständige Vertretung", 0);

		ReceiptDraft draft = this.drafter.draft(german, "IN/2026/000009", REGISTERED, ReceiptDraft.ON_REGISTRATION);

		assertThat(draft.language()).isEqualTo("en");
		assertThat(draft.place()).isEqualTo("Geneva");
		assertThat(draft.text()).startsWith("The International Organization for Migration presents its compliments to "
				+ "the Ständige Vertretung and has the honour to acknowledge receipt of its note No. RK-12 dated "
				+ "1 March 2024, registered under No. IN/2026/000009.");
	}

	@Test
	void draftsInALanguageAddedByItsBundleAndItsNames() {
		ReceiptDrafter drafter = new ReceiptDrafter(
				Map.of("en", "The International Organization for Migration", "pt",
						"A Organização Internacional para as Migrações"),
				Map.of("en", "Geneva", "pt", "Genebra"), ZoneId.of("Europe/Zurich"));
		NoteFields note = note("note_verbale", "pt", "12", LocalDate.of(2024, 3, 1),
				"Sua Excelência o Embaixador do Brasil", 1);

		ReceiptDraft draft = drafter.draft(note, "IN/2026/000010", REGISTERED, ReceiptDraft.ON_REGISTRATION);

		assertThat(draft.language()).isEqualTo("pt");
		assertThat(draft.addressee()).isEqualTo("Sua Excelência o Embaixador do Brasil");
		assertThat(draft.text()).isEqualTo("A Organização Internacional para as Migrações apresenta os seus cumprimentos "
				+ "a Sua Excelência o Embaixador do Brasil e tem a honra de acusar a receção da sua nota n.º 12 de "
				+ "1.º de março de 2024, registada sob o n.º IN/2026/000010, bem como do seu anexo.\n\n"
				+ "A nota foi levada ao conhecimento dos serviços competentes da Organização.\n\n"
				+ "A Organização Internacional para as Migrações aproveita a oportunidade para renovar a Sua Excelência "
				+ "o Embaixador do Brasil os protestos da sua mais elevada consideração.\n\nGenebra, 25 de novembro de "
				+ "2026");
	}

	@Test
	void refusesALanguageNamedWithoutABundleOrWithoutItsPlace() {
		assertThatThrownBy(() -> new ReceiptDrafter(Map.of("en", "The Organization", "ar", "المنظمة"),
				Map.of("en", "Geneva", "ar", "جنيف"), ZoneId.of("Europe/Zurich")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("org/valise/notification/receipt/messages_ar.properties is missing");
		assertThatThrownBy(() -> new ReceiptDrafter(Map.of("en", "The Organization", "fr", "L'Organisation"),
				Map.of("en", "Geneva"), ZoneId.of("Europe/Zurich")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("valise.receipt.organisation.fr and valise.receipt.place.fr must be set");
		assertThatThrownBy(() -> new ReceiptDrafter(Map.of("fr", "L'Organisation"), Map.of("fr", "Genève"),
				ZoneId.of("Europe/Zurich")))
			.hasMessage("valise.receipt.organisation.en and valise.receipt.place.en must be set");
	}

	private static NoteFields note(String docType, String language, String reference, LocalDate date, String sender,
			int enclosures) {
		List<NoteFields.Enclosure> enclosed = (enclosures == 0) ? List.of()
				: List.of(new NoteFields.Enclosure("letter", "Prime Minister", "Director General"));
		return new NoteFields(docType, language, reference, null, date, "Geneva", sender, "IOM", null, enclosed, null,
				false, false, List.of("Latin"), null, Map.of());
	}

}
