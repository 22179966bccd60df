package org.valise.intake.parsing;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NoteParser}: each field on the sample notes ({@code samples/notes}) and on notes written here
 * that the samples do not have (other senders, organisations, languages, labels and date forms).
 */
class NoteParserTests {

	private final NoteParser parser = new NoteParser();

	private static final String FRENCH_FOLLOW_UP = """
			AMBASSADE DE LA RÉPUBLIQUE DU SÉNÉGAL
			EN SUISSE

			N° 0457/AMBASEN/BE/2022

			L'Ambassade de la République du Sénégal en Suisse présente ses compliments au Haut-Commissariat des \
			Nations Unies pour les réfugiés et, comme suite à sa note N° 0391/AMBASEN/BE/2022 du 14 mars 2022, a \
			l'honneur de lui faire tenir ci-joint une lettre de Son Excellence Monsieur le Ministre des Affaires \
			étrangères, adressée à Monsieur le Haut-Commissaire des Nations Unies pour les réfugiés, relative au \
			rapatriement volontaire des réfugiés sénégalais.

			L'Ambassade saurait gré au Haut-Commissariat de bien vouloir transmettre ladite lettre à sa plus haute \
			destination.

			L'Ambassade de la République du Sénégal saisit cette occasion pour renouveler au Haut-Commissariat des \
			Nations Unies pour les réfugiés les assurances de sa haute considération.

			Berne, le 2 avril 2022
			""";

	private static final String SPANISH_REPLY = """
			EMBAJADA DE LA REPÚBLICA DE CHILE

			Nota N° 145/2023

			La Embajada de la República de Chile saluda muy atentamente a la Organización Internacional para las \
			Migraciones y, en relación con su nota OLA/2023/077 de fecha 3 de marzo de 2023, tiene el honor de \
			informarle que el Gobierno de Chile acepta la propuesta de la Organización.

			La Embajada agradecería a la Organización que tenga a bien confirmar la fecha de la reunión técnica \
			antes del 30 de abril de 2023.

			La Embajada de la República de Chile aprovecha la oportunidad para reiterar a la Organización \
			Internacional para las Migraciones las seguridades de su más alta consideración.

			Berna, 28.03.2023
			""";

	private static final String EMBASSY_WITH_STAMP = """
			RECEIVED 12 NOV 2016

			EMBASSY OF THE ARAB REPUBLIC OF EGYPT
			BERNE

			Ref.: ENAUN N° 399/2016

			The Embassy of the Arab Republic of Egypt in Berne presents its compliments to the International \
			Organization for Migration and has the honour to request the assistance of the Organization in \
			organising, on 5 December 2016, a training workshop on migrant protection for twenty officials.

			The Embassy would be grateful if the Organization could communicate its reply by 15 November 2016.

			The Embassy of the Arab Republic of Egypt avails itself of this opportunity to renew to the \
			International Organization for Migration the assurances of its highest consideration.

			Berne, 28.10.2016
			""";

	private static final String KHMER_AUTHOR = """
			No: 2020/03/044

			The Permanent Mission of the Kingdom of Cambodia presents its compliments to the International \
			Organization for Migration and has the honour to transmit herewith a letter of **សម្តេច HUN Sen**, \
			Prime Minister of the Kingdom of Cambodia, addressed to H.E. Mr. António Vitorino, Director General of \
			the International Organization for Migration.

			The Permanent Mission avails itself of this opportunity to renew to the International Organization for \
			Migration the assurances of its highest consideration.

			Geneva, 2 March 2020
			""";

	@Test
	void readsEveryFieldOfTheReferenceNote() {
		ParsedNote note = this.parser.parse(sample("seed-cambodia-iom-2021-01-105.txt"));
		assertThat(note.docType()).isEqualTo(DocType.NOTE_VERBALE);
		assertThat(note.language()).isEqualTo("en");
		assertThat(note.reference()).isEqualTo("2021/01/105");
		assertThat(note.inReplyTo()).isNull();
		assertThat(note.date()).isEqualTo(LocalDate.of(2021, 1, 28));
		assertThat(note.place()).isEqualTo("Geneva");
		assertThat(note.sender()).isEqualTo("Permanent Mission of the Kingdom of Cambodia to the United Nations Office "
				+ "and other International Organisations at Geneva");
		assertThat(note.recipient()).isEqualTo("International Organisation for Migration");
		assertThat(note.recipientHead()).isEqualTo("Director General");
		assertThat(note.enclosures()).singleElement().satisfies((e) -> {
			assertThat(e.author()).contains("HUN Sen").contains("Prime Minister");
			assertThat(e.addressee()).contains("Antonio Vitorino").contains("Director General");
			assertThat(e.title()).contains("champion country").contains("Phnom Penh, 13 January 2021");
		});
		assertThat(note.highestDestination()).isTrue();
		assertThat(note.confidential()).isFalse();
		assertThat(note.scripts()).contains("Latin", "Khmer");
		assertThat(note.requestedAction()).contains("convey").contains("Prime Minister").contains("highest destination");
	}

	@Test
	void extractsReferenceWithoutItsLabel() {
		assertThat(this.parser.parse(FRENCH_FOLLOW_UP).reference()).isEqualTo("0457/AMBASEN/BE/2022");
		assertThat(this.parser.parse(SPANISH_REPLY).reference()).isEqualTo("145/2023");
	}

	@Test
	void keepsNumberSignThatBelongsToTheReferenceItself() {
		assertThat(this.parser.parse(EMBASSY_WITH_STAMP).reference()).isEqualTo("ENAUN N° 399/2016");
	}

	@Test
	void ignoresRegistryStampDateAndDatesOfEventsInTheText() {
		ParsedNote note = this.parser.parse(EMBASSY_WITH_STAMP);
		assertThat(note.date()).isEqualTo(LocalDate.of(2016, 10, 28));
		assertThat(note.place()).isEqualTo("Berne");
	}

	@Test
	void ignoresRegistryStampOfTheOcrSample() {
		assertThat(this.parser.parse(sample("dev-07-kenya-ocr-noise-stranded-nationals.txt")).date())
			.isEqualTo(LocalDate.of(2023, 5, 3));
	}

	@Test
	void readsDottedDayFirstDate() {
		assertThat(this.parser.parse(SPANISH_REPLY).date()).isEqualTo(LocalDate.of(2023, 3, 28));
	}

	@Test
	void takesTheDateOfTheNoteNotThatOfItsEnclosure() {
		ParsedNote note = this.parser.parse(sample("dev-01-ghana-president-letter-highest-authority.txt"));
		assertThat(note.date()).isEqualTo(LocalDate.of(2024, 7, 9));
		assertThat(note.enclosures().get(0).title()).contains("Accra, 1 July 2024");
	}

	@Test
	void readsAFrenchNoteFollowingUpAnEarlierNote() {
		ParsedNote note = this.parser.parse(FRENCH_FOLLOW_UP);
		assertThat(note.docType()).isEqualTo(DocType.NOTE_VERBALE);
		assertThat(note.language()).isEqualTo("fr");
		assertThat(note.inReplyTo()).startsWith("0391/AMBASEN/BE/2022").contains("14 March 2022");
		assertThat(note.date()).isEqualTo(LocalDate.of(2022, 4, 2));
		assertThat(note.place()).isEqualTo("Berne");
		assertThat(note.sender()).isEqualTo("Ambassade de la République du Sénégal en Suisse");
		assertThat(note.recipient()).isEqualTo("Haut-Commissariat des Nations Unies pour les réfugiés");
		assertThat(note.recipientHead()).isEqualTo("Haut-Commissaire");
		assertThat(note.highestDestination()).isTrue();
		assertThat(note.enclosures()).singleElement().satisfies((e) -> {
			assertThat(e.author()).isEqualTo("Ministre des Affaires étrangères");
			assertThat(e.addressee()).contains("Haut-Commissaire des Nations Unies pour les réfugiés");
			assertThat(e.title()).contains("rapatriement volontaire");
		});
		assertThat(note.requestedAction()).contains("Minister's letter").contains("highest destination");
	}

	@Test
	void readsASpanishReplyFromAnEmbassy() {
		ParsedNote note = this.parser.parse(SPANISH_REPLY);
		assertThat(note.language()).isEqualTo("es");
		assertThat(note.sender()).isEqualTo("Embajada de la República de Chile");
		assertThat(note.recipient()).isEqualTo("Organización Internacional para las Migraciones");
		assertThat(note.inReplyTo()).startsWith("OLA/2023/077").contains("3 March 2023");
		assertThat(note.place()).isEqualTo("Berna");
		assertThat(note.recipientHead()).isNull();
		assertThat(note.enclosures()).isEmpty();
		assertThat(note.requestedAction()).startsWith("confirm the date of the technical meeting");
	}

	@Test
	void readsTheSenderOfAnEmbassyNote() {
		ParsedNote note = this.parser.parse(EMBASSY_WITH_STAMP);
		assertThat(note.sender()).isEqualTo("Embassy of the Arab Republic of Egypt in Berne");
		assertThat(note.recipient()).isEqualTo("International Organization for Migration");
		assertThat(note.requestedAction()).contains("training workshop").contains("communicate its reply");
		assertThat(note.highestDestination()).isFalse();
	}

	@Test
	void tellsTheThreeLanguagesApartWhateverTheLetterhead() {
		assertThat(this.parser.parse(sample("dev-02-madagascar-premier-ministre-plus-haute-destination-fr.txt")).language())
			.isEqualTo("fr");
		assertThat(this.parser.parse(sample("dev-03-peru-ministro-rree-mas-alta-instancia-es.txt")).language())
			.isEqualTo("es");
		ParsedNote arabicLetterhead = this.parser.parse(sample("dev-08-egypt-arabic-letterhead-border-management.txt"));
		assertThat(arabicLetterhead.language()).isEqualTo("en");
		assertThat(arabicLetterhead.scripts()).containsExactly("Arabic", "Latin");
	}

	@Test
	void repairsOcrDamageInNamesButPointsToTheDamagedText() {
		String text = sample("dev-07-kenya-ocr-noise-stranded-nationals.txt");
		ParsedNote note = this.parser.parse(text);
		assertThat(note.sender()).isEqualTo("Permanent Mission of the Republic of Kenya to the United Nations Office "
				+ "and other International Organizations in Geneva");
		assertThat(note.recipient()).isEqualTo("International Organization for Migration (IOM)");
		assertThat(note.reference()).isEqualTo("KPM/GVA/IOM/VOL.II/(58)");
		assertThat(note.evidence().get("sender").text()).startsWith("Pennanent Mission").contains("Nati ons\nOffice");
		assertThat(note.enclosures()).singleElement()
			.satisfies((e) -> assertThat(e.author()).isEqualTo("Embassy of Kenya in Khartoum"));
		assertThat(note.requestedAction()).contains("evacuation").contains("pre-departure health screening");
	}

	@Test
	void readsNamesThroughMarkdownEmphasis() {
		ParsedNote note = this.parser.parse(sample("seed-cambodia-iom-2021-01-105.txt"));
		assertThat(note.sender()).doesNotContain("*");
		assertThat(note.enclosures().get(0).author()).startsWith("Samdech Akka Moha Sena Padei Techo HUN Sen,");
	}

	@Test
	void keepsNonLatinScriptExactlyAsWritten() {
		ParsedNote note = this.parser.parse(KHMER_AUTHOR);
		assertThat(note.enclosures()).singleElement()
			.satisfies((e) -> assertThat(e.author()).isEqualTo("សម្តេច HUN Sen, Prime Minister of the Kingdom of Cambodia"));
		assertThat(note.evidence().get("enclosures[0]").text()).contains("សម្តេច");
		assertThat(note.scripts()).containsExactly("Latin", "Khmer");
	}

	@Test
	void pointsEveryEvidenceSpanIntoTheOriginalText() {
		for (String text : new String[] { sample("seed-cambodia-iom-2021-01-105.txt"),
				sample("dev-07-kenya-ocr-noise-stranded-nationals.txt"), sample("dev-09-finland-ambassador-first-person-letter.txt"),
				FRENCH_FOLLOW_UP, SPANISH_REPLY, EMBASSY_WITH_STAMP, KHMER_AUTHOR }) {
			ParsedNote note = this.parser.parse(text);
			assertThat(note.evidence()).isNotEmpty();
			for (Map.Entry<String, Span> entry : note.evidence().entrySet()) {
				Span span = entry.getValue();
				assertThat(text.substring(span.start(), span.end())).as(entry.getKey()).isEqualTo(span.text());
			}
		}
		String seed = sample("seed-cambodia-iom-2021-01-105.txt");
		ParsedNote note = this.parser.parse(seed);
		assertThat(note.evidence().get("reference").text()).isEqualTo("2021/01/105");
		assertThat(note.evidence().get("date").text()).isEqualTo("28 January 2021");
		assertThat(note.evidence().get("place").text()).isEqualTo("Geneva");
		assertThat(note.evidence().get("highestDestination").text()).isEqualTo("highest destination");
		assertThat(note.evidence()).containsKeys("docType", "language", "sender", "recipient", "recipientHead",
				"enclosures[0]", "requestedAction");
	}

	@Test
	void tellsAFirstPersonLetterFromANoteVerbale() {
		ParsedNote letter = this.parser.parse(sample("dev-09-finland-ambassador-first-person-letter.txt"));
		assertThat(letter.docType()).isEqualTo(DocType.LETTER);
		assertThat(letter.sender()).startsWith("Ambassador, Permanent Representative of Finland")
			.contains("Permanent Mission of Finland");
		assertThat(letter.recipient())
			.isEqualTo("Deputy Director General for Management and Reform, International Organization for Migration");
		assertThat(letter.recipientHead()).isNull();
		assertThat(letter.date()).isEqualTo(LocalDate.of(2023, 1, 30));
	}

	@Test
	void classifiesJunkMailAsOtherWithNothingExtracted() {
		ParsedNote junk = this.parser.parse(sample("dev-10-junk-spam-consignment.txt"));
		assertThat(junk.docType()).isEqualTo(DocType.OTHER);
		assertThat(junk.sender()).isNull();
		assertThat(junk.date()).isNull();
		assertThat(junk.place()).isNull();
		assertThat(junk.reference()).isNull();
		assertThat(junk.enclosures()).isEmpty();
		assertThat(this.parser.parse("Buy cheap watches!!! Click here: http://x.example unsubscribe").docType())
			.isEqualTo(DocType.OTHER);
	}

	@Test
	void leavesRecipientHeadNullWhenTheNoteIsForAnOffice() {
		ParsedNote note = this.parser.parse(sample("dev-11-australia-confidential-contribution.txt"));
		assertThat(note.recipient()).contains("Office of the Deputy Director General for Operations");
		assertThat(note.recipientHead()).isNull();
		ParsedNote protocol = this.parser.parse(sample("dev-12-uruguay-protocol-credentials-es.txt"));
		assertThat(protocol.recipient()).isEqualTo("Organización Internacional para las Migraciones (Oficina de Protocolo)");
		assertThat(protocol.recipientHead()).isNull();
	}

	@Test
	void namesTheHeadWhenAnyEnclosureIsAddressedToIt() {
		ParsedNote note = this.parser.parse(sample("dev-06-sri-lanka-two-enclosures-minister-and-ambassador.txt"));
		assertThat(note.recipientHead()).isEqualTo("Director General");
		assertThat(note.highestDestination()).isFalse();
		assertThat(note.enclosures()).hasSize(2);
		assertThat(note.enclosures().get(1).addressee()).startsWith("Deputy Director General for Operations");
	}

	@Test
	void detectsConfidentialityMarkingAndRequest() {
		assertThat(this.parser.parse(sample("dev-11-australia-confidential-contribution.txt")).confidential()).isTrue();
		assertThat(this.parser.parse(FRENCH_FOLLOW_UP).confidential()).isFalse();
		String spanish = SPANISH_REPLY.replace("antes del 30 de abril de 2023.",
				"antes del 30 de abril de 2023, y que la presente nota sea tratada de forma confidencial.");
		assertThat(this.parser.parse(spanish).confidential()).isTrue();
	}

	@Test
	void citesEarlierNotesReferenceFirst() {
		ParsedNote note = this.parser.parse(sample("dev-05-indonesia-reply-legal-affairs.txt"));
		assertThat(note.inReplyTo()).startsWith("OLA/2023/0187").contains("0297/POL-II/III/2023");
		assertThat(this.parser.parse(EMBASSY_WITH_STAMP).inReplyTo()).isNull();
	}

	@Test
	void summarisesRequestsInEnglish() {
		assertThat(this.parser.parse(sample("dev-12-uruguay-protocol-credentials-es.txt")).requestedAction())
			.contains("arrange an audience with the Director General").contains("credentials");
		assertThat(this.parser.parse(sample("dev-04-nepal-department-policy-research.txt")).requestedAction())
			.contains("nominate one researcher").contains("by 7 February 2025");
	}

	@Test
	void saysHowSureItIsOfEveryField() {
		ParsedNote seed = this.parser.parse(sample("seed-cambodia-iom-2021-01-105.txt"));
		assertThat(seed.confidence()).containsKeys("docType", "language", "reference", "date", "sender", "recipient",
				"recipientHead", "enclosures", "highestDestination", "confidential");
		assertThat(seed.confidence().values()).allSatisfy((c) -> assertThat(c).isBetween(0.0, 1.0));
		assertThat(seed.confidence().get("recipient")).isGreaterThanOrEqualTo(0.8);
		assertThat(seed.confidence().get("highestDestination")).isGreaterThanOrEqualTo(0.9);
		ParsedNote noAddressee = this.parser.parse("""
				The Permanent Mission of Ruritania presents its compliments.

				The Mission would be grateful for an early reply.

				The Permanent Mission of Ruritania avails itself of this opportunity to renew the assurances of its
				highest consideration.
				""");
		assertThat(noAddressee.recipient()).isNull();
		assertThat(noAddressee.confidence().get("recipient")).isLessThan(0.5);
		assertThat(noAddressee.confidence().get("date")).isLessThan(0.5);
	}

	@Test
	void readsNotesInRussianGermanArabicAndChinese() {
		ParsedNote russian = this.parser.parse("""
				№ 512

				Посольство Республики Казахстан свидетельствует свое уважение Министерству иностранных дел Швейцарии и \
				имеет честь просить оказать содействие в выдаче виз делегации.

				Посольство пользуется случаем, чтобы возобновить Министерству уверения в своем высоком уважении.

				Берн, 3 февраля 2022 года
				""");
		assertThat(russian.docType()).isEqualTo(DocType.NOTE_VERBALE);
		assertThat(russian.language()).isEqualTo("ru");
		assertThat(russian.reference()).isEqualTo("512");
		assertThat(russian.date()).isEqualTo(LocalDate.of(2022, 2, 3));
		assertThat(russian.place()).isEqualTo("Берн");
		assertThat(russian.sender()).isEqualTo("Посольство Республики Казахстан");
		ParsedNote german = this.parser.parse("""
				Nr. 77/2021

				Die Botschaft der Republik Österreich beehrt sich, dem Ministerium für auswärtige Angelegenheiten \
				mitzuteilen, dass der Botschafter am 4. März 2021 abreist.

				Die Botschaft benutzt diesen Anlass, das Ministerium erneut ihrer ausgezeichneten Hochachtung zu versichern.

				Bern, 01.03.2021
				""");
		assertThat(german.language()).isEqualTo("de");
		assertThat(german.date()).isEqualTo(LocalDate.of(2021, 3, 1));
		assertThat(german.recipient()).isEqualTo("Ministerium für auswärtige Angelegenheiten");
		ParsedNote arabic = this.parser.parse("""
				رقم: ٣٠٧

				تهدي سفارة المملكة الأردنية الهاشمية أطيب تحياتها إلى وزارة الخارجية، وتتشرف بإعلامها بوصول الوفد.

				وتغتنم السفارة هذه الفرصة لتعرب للوزارة عن فائق تقديرها واحترامها.

				برن في ١٢ يناير ٢٠٢٠
				""");
		assertThat(arabic.language()).isEqualTo("ar");
		assertThat(arabic.reference()).isEqualTo("307");
		assertThat(arabic.date()).isEqualTo(LocalDate.of(2020, 1, 12));
		assertThat(arabic.sender()).isEqualTo("سفارة المملكة الأردنية الهاشمية");
		assertThat(arabic.recipient()).isEqualTo("وزارة الخارجية");
		ParsedNote chinese = this.parser.parse("""
				中华人民共和国驻瑞士联邦大使馆向瑞士联邦外交部致意，并谨通知如下：代表团将于三月抵达。

				大使馆顺致崇高的敬意。

				二〇二一年十二月三十一日于伯尔尼
				""");
		assertThat(chinese.language()).isEqualTo("zh");
		assertThat(chinese.date()).isEqualTo(LocalDate.of(2021, 12, 31));
		assertThat(chinese.place()).isEqualTo("伯尔尼");
		assertThat(chinese.sender()).isEqualTo("中华人民共和国驻瑞士联邦大使馆");
		assertThat(chinese.recipient()).isEqualTo("瑞士联邦外交部");
	}

	@Test
	void takesTheDateOfACirculatedNoteFromItsTitleNotItsCirculation() {
		ParsedNote note = this.parser.parse("""
				United Nations                                                 A/79/12
				General Assembly                                         Distr.: General
				                                                          9 May 2024

				Note verbale dated 2 May 2024 from the Permanent Mission of Chile to the United Nations addressed to the \
				Secretary-General

				The Permanent Mission of Chile to the United Nations presents its compliments to the Secretary-General \
				and has the honour to request that the present note be circulated as a document of the General Assembly.
				""");
		assertThat(note.date()).isEqualTo(LocalDate.of(2024, 5, 2));
		assertThat(note.reference()).isNull();
		assertThat(note.sender()).isEqualTo("Permanent Mission of Chile to the United Nations");
	}

	@Test
	void readsACirculatedLetterFromItsTitleLineAndSignature() {
		ParsedNote letter = this.parser.parse("""
				United Nations                                                   S/2022/88
				Security Council                                                 Distr.: General
				                                                                 9 February 2022

				          Letter dated 7 February 2022 from the Permanent Representative of Chile to the United \
				Nations addressed to the President of the Security Council

				     I have the honour to transmit herewith a letter from the Minister for Foreign Affairs of Chile \
				on the protection of migrants at sea (see annex).

				     I should be grateful if the present letter and its annex could be circulated as a document of the \
				Security Council.

				                                                  (Signed) Ana María Soto
				                                                  Ambassador
				""");
		assertThat(letter.docType()).isEqualTo(DocType.LETTER);
		assertThat(letter.date()).isEqualTo(LocalDate.of(2022, 2, 7));
		assertThat(letter.reference()).isNull();
		assertThat(letter.sender()).isEqualTo("Ana María Soto, Permanent Representative of Chile to the United Nations");
		assertThat(letter.recipient()).isEqualTo("President of the Security Council");
		assertThat(letter.recipientHead()).isNull();
		assertThat(letter.enclosures()).singleElement()
			.satisfies((e) -> assertThat(e.author()).isEqualTo("Minister for Foreign Affairs of Chile"));
		assertThat(letter.requestedAction()).contains("circulate the present letter and its annex as a document of the "
				+ "Security Council");
	}

	@Test
	void findsTheInsideAddressOfALetterAtItsFoot() {
		ParsedNote letter = this.parser.parse("""
				MINISTERO DEGLI AFFARI ESTERI
				Il Direttore Generale per gli Italiani all'Estero

				                                         Roma, 4 aprile 2022

				Signor Direttore Generale,

				desidero informarLa che il Governo italiano intende finanziare un nuovo programma di rimpatrio volontario.

				Le sarei grato se volesse designare un referente entro il 30 aprile 2022.

				Voglia gradire, Signor Direttore Generale, i sensi della mia più alta considerazione.

				(firmato)
				Il Direttore Generale per gli Italiani all'Estero

				Signor Direttore Generale
				dell'Organizzazione Internazionale per le Migrazioni
				Ginevra
				""");
		assertThat(letter.docType()).isEqualTo(DocType.LETTER);
		assertThat(letter.language()).isEqualTo("it");
		assertThat(letter.place()).isEqualTo("Roma");
		assertThat(letter.recipient()).isEqualTo("Direttore Generale dell'Organizzazione Internazionale per le Migrazioni");
		assertThat(letter.recipientHead()).isEqualTo("Direttore Generale");
		assertThat(letter.sender()).startsWith("Direttore Generale per gli Italiani all'Estero");
	}

	@Test
	void readsAnEnclosureListUnderAHeadingOfItsOwnWithEachAuthor() {
		ParsedNote note = this.parser.parse("""
				N° 88/2021

				L'Ambassade de la République du Niger présente ses compliments au Ministère des Affaires étrangères et a \
				l'honneur de l'informer de la tenue à Niamey d'un atelier sur la migration de main-d'œuvre.

				L'Ambassade saisit cette occasion pour renouveler au Ministère les assurances de sa haute considération.

				Berne, le 5 mai 2021

				Pièces jointes :
				– programme de l'atelier (Ministère de l'Emploi) ;
				– liste des participants (Agence nationale pour la promotion de l'emploi).
				""");
		assertThat(note.enclosures()).extracting(Enclosure::title, Enclosure::author)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("programme de l'atelier", "Ministère de l'Emploi"),
					org.assertj.core.groups.Tuple.tuple("liste des participants",
							"Agence nationale pour la promotion de l'emploi"));
	}

	@Test
	void readsTheLetterAChineseNoteForwardsAndToWhom() {
		ParsedNote note = this.parser.parse("""
				（2021）外字第7号

				中华人民共和国驻瑞士联邦大使馆向瑞士联邦外交部致意，并谨转交中华人民共和国外交部部长致瑞士联邦委员的信函一件。

				大使馆顺致崇高的敬意。

				2021年1月5日于伯尔尼
				""");
		assertThat(note.reference()).isEqualTo("（2021）外字第7号");
		assertThat(note.enclosures()).singleElement().satisfies((e) -> {
			assertThat(e.author()).isEqualTo("中华人民共和国外交部部长");
			assertThat(e.addressee()).isEqualTo("瑞士联邦委员");
		});
	}

	@Test
	void isDeterministic() {
		String text = sample("seed-cambodia-iom-2021-01-105.txt");
		assertThat(this.parser.parse(text)).isEqualTo(new NoteParser().parse(text));
	}

	@Test
	void rejectsNullAndBlankInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(null)).withMessageContaining("null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse(" \n\t ")).withMessageContaining("blank");
	}

	private static String sample(String file) {
		return SampleNotes.text(file);
	}

}
