package org.valise.notification;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service end to end on a real (embedded) Kafka broker and a real (GreenMail) SMTP server: the reference note is
 * received and routed, e-mailed to its office, tracked, and acknowledged by the right office only.
 */
class NotificationServiceIntegrationTests extends BrokerTestSupport {

	@Test
	void deliversTracksAndTakesTheAcknowledgementOfTheReferenceNote() throws Exception {
		// given the reference note, received by intake and routed by the registry to the Director General's office
		UUID noteId = UUID.randomUUID();
		String text = SampleNotes.referenceNote();
		Instant receivedAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> note = referenceNoteFields(text);

		// when intake and routing publish their events
		publishReceived(noteId, receivedAt, noteReceived(noteId, receivedAt, note, text));
		publishRouted(noteId, receivedAt.plusSeconds(60), referenceRouting(noteId, receivedAt, note, text));

		// then the office's mailbox gets the note: registry number, explanation and Khmer text intact
		await().atMost(WAIT).until(() -> mailsFor(noteId, "odg@iom.example.org").size() == 1);
		MimeMessage mail = mailsFor(noteId, "odg@iom.example.org").get(0);
		assertThat(mail.getSubject()).isEqualTo("[IN/2026/000001] Note No. 2021/01/105 from Permanent Mission of the "
				+ "Kingdom of Cambodia to the United Nations Office and other International Organisations at Geneva"
				+ " — for Office of the Director General");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("registry@valise.local");
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		for (int i = 0; i < 2; i++) {
			assertThat((String) parts.getBodyPart(i).getContent()).contains("IN/2026/000001", "highest-destination",
					"The note asks that the letter of the Prime Minister be conveyed to its highest destination",
					"ព្រះរាជាណាចក្រកម្ពុជា", "ជាតិ សាសនា ព្រះមហាក្សត្រ",
					"/api/v1/notes/" + noteId + "/acknowledgements", "/api/v1/acknowledgements/");
		}
		assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).contains(text.strip());

		// and NoteDelivered is on notes.delivery.v1, honouring the contract
		ConsumerRecord<String, String> delivered = awaitDeliveryRecord("org.valise.note.delivered.v1", noteId);
		contracts.assertHonoured(DELIVERY, delivered.key(), delivered.headers(), delivered.value());
		JsonNode deliveredBody = json.readTree(delivered.value());
		assertThat(deliveredBody.path("address").asString()).isEqualTo("odg@iom.example.org");
		assertThat(deliveredBody.path("office").path("id").asString()).isEqualTo("ODG");

		// and the office in copy gets an information copy, without an acknowledgement link
		await().atMost(WAIT).until(() -> mailsFor(noteId, "dpr@iom.example.org").size() == 1);
		String copy = (String) ((MimeMultipart) mailsFor(noteId, "dpr@iom.example.org").get(0).getContent())
			.getBodyPart(0)
			.getContent();
		assertThat(copy).contains("IN/2026/000001").doesNotContain("/api/v1/acknowledgements/");

		// and the tracking view shows the note delivered, its timeline in order
		JsonNode tracking = awaitTracking(noteId, (view) -> events(view).contains("COPY_DELIVERED"));
		assertThat(tracking.path("state").asString()).isEqualTo("DELIVERED");
		assertThat(tracking.path("registryNumber").asString()).isEqualTo("IN/2026/000001");
		assertThat(tracking.path("destination").path("id").asString()).isEqualTo("ODG");
		assertThat(tracking.path("explanation").path("rule").asString()).isEqualTo("highest-destination");
		assertThat(tracking.path("note").path("reference").asString()).isEqualTo("2021/01/105");
		assertThat(tracking.path("deliveries").get(0).path("address").asString()).isEqualTo("odg@iom.example.org");
		assertThat(events(tracking)).containsExactlyInAnyOrder("RECEIVED", "ROUTED", "DELIVERED", "COPY_DELIVERED")
			.startsWith("RECEIVED", "ROUTED");

		// when another office, then nobody, then no JSON tries to acknowledge
		HttpResponse<String> wrongOffice = acknowledge(noteId, office("DMM"), "{\"acknowledgedBy\": \"Director\"}");
		HttpResponse<String> anonymous = acknowledge(noteId, null, "{\"acknowledgedBy\": \"Someone\"}");
		HttpResponse<String> unknownToken = acknowledge(noteId, "forged", "{\"acknowledgedBy\": \"Someone\"}");
		HttpResponse<String> blank = acknowledge(noteId, office("ODG"), "{\"acknowledgedBy\": \"  \"}");

		// then they are refused with problem details; for another office the note does not exist
		assertThat(wrongOffice.statusCode()).isEqualTo(404);
		assertThat(problem(wrongOffice).path("detail").asString()).doesNotContain("ODG");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("Bearer"));
		assertThat(problem(anonymous).path("errors").path(0).path("field").asString()).isEqualTo("Authorization");
		assertThat(unknownToken.statusCode()).isEqualTo(401);
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(problem(blank).path("errors").path(0).path("field").asString()).isEqualTo("acknowledgedBy");

		// when the Director General's office acknowledges
		HttpResponse<String> accepted = acknowledge(noteId, office("ODG"),
				"{\"acknowledgedBy\": \"Chef de Cabinet\", \"comment\": \"Reçu — merci\"}");

		// then it is accepted, NoteAcknowledged honours the contract and the view follows
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/notes/" + noteId);
		assertThat(json.readTree(accepted.body()).path("office").asString()).isEqualTo("ODG");
		assertThat(json.readTree(accepted.body()).path("status").asString()).isEqualTo("ACKNOWLEDGED");
		ConsumerRecord<String, String> acknowledged = awaitDeliveryRecord("org.valise.note.acknowledged.v1", noteId);
		contracts.assertHonoured(DELIVERY, acknowledged.key(), acknowledged.headers(), acknowledged.value());
		assertThat(json.readTree(acknowledged.value()).path("comment").asString()).isEqualTo("Reçu — merci");
		JsonNode acknowledgedView = awaitState(noteId, "ACKNOWLEDGED");
		assertThat(events(acknowledgedView))
			.containsExactlyInAnyOrder("RECEIVED", "ROUTED", "DELIVERED", "COPY_DELIVERED", "ACKNOWLEDGED")
			.startsWith("RECEIVED", "ROUTED")
			.endsWith("ACKNOWLEDGED");
		assertThat(acknowledgedView.path("acknowledgements").get(0).path("acknowledgedBy").asString())
			.isEqualTo("Chef de Cabinet");

		// and a second acknowledgement is a conflict
		HttpResponse<String> again = acknowledge(noteId, office("ODG"), "{\"acknowledgedBy\": \"Chef de Cabinet\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(problem(again).path("state").asString()).isEqualTo("ACKNOWLEDGED");

		// and operators see it: counters and readiness
		String metrics = metrics();
		assertThat(metrics).contains("valise_notes_delivered_total{", "channel=\"email\"",
				"valise_notes_acknowledged_total{");
		// the latencies (histograms with fixed buckets) and Kafka Streams' own client metrics (consumer lag)
		assertThat(metrics)
			.containsPattern("(?m)^valise_note_delivery_latency_seconds_bucket\\{[^}]*channel=\"email\"[^}]*le=\"1\\.0\"")
			.containsPattern("(?m)^valise_note_delivery_latency_seconds_count\\{[^}]*\\} [1-9]")
			.containsPattern("(?m)^valise_note_acknowledgement_latency_seconds_bucket\\{[^}]*office=\"ODG\"[^}]*le=\"60\\.0\"\\} [1-9]")
			.containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"notification-service-tracking-[^\"]*-StreamThread-1-consumer\"");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(json.readTree(readiness.body()).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void skipsUnparseableRecordsAndTracksANoteItCannotDeliver() throws Exception {
		// given a note routed to an office that has no channel at all
		UUID noteId = UUID.randomUUID();
		Instant receivedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> note = referenceNoteFields("text");

		// when a broken record comes first, then routing publishes the note
		ProducerRecord<String, String> broken = new ProducerRecord<>(ROUTED, noteId.toString(), "{\"noteId\": [not json");
		header(broken, "ce_type", "org.valise.note.routed.v1");
		header(broken, "ce_id", UUID.randomUUID().toString());
		producer().send(broken).get();
		publishRouted(noteId, receivedAt.plusSeconds(1), routing(noteId, "IN/2026/000002",
				office("DOE", "Department of Operations and Emergencies", List.of())).note(note).json());

		// then the view shows it routed and not deliverable, and the tracking goes on
		JsonNode tracking = awaitState(noteId, "ROUTED");
		assertThat(tracking.path("timeline").get(0).path("detail").asString()).contains("not deliverable");
		assertThat(tracking.path("deliveries")).isEmpty();
		assertThat(acknowledge(noteId, office("DOE"), "{\"acknowledgedBy\": \"Director\"}").statusCode())
			.isEqualTo(409);
	}

	@Test
	void answersProblemsForUnknownAndMalformedNoteIds() throws Exception {
		HttpResponse<String> unknown = get("/api/v1/notes/" + UUID.randomUUID());
		HttpResponse<String> malformed = get("/api/v1/notes/not-a-uuid");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(problem(malformed).path("errors").path(0).path("field").asString()).isEqualTo("noteId");
		assertThat(malformed.body()).doesNotContain("Exception", "at org.");
	}

	private static String referenceRouting(UUID noteId, Instant receivedAt, Map<String, Object> note, String text) {
		Map<String, Object> odg = office("ODG", "Office of the Director General",
				List.of(email("odg@iom.example.org")));
		odg.put("headTitle", "Director General");
		Map<String, Object> copy = Map.of("office", office("DPR", "Department of Peace and Recovery",
				List.of(email("dpr@iom.example.org"))), "purpose", "INFORMATION");
		return routing(noteId, "IN/2026/000001", odg).note(note)
			.set("text", text)
			.set("registeredAt", receivedAt.plusSeconds(60).toString())
			.set("routedAt", receivedAt.plusSeconds(60).toString())
			.set("receivedAt", receivedAt.toString())
			.set("copies", List.of(copy))
			.set("priority", "HIGH")
			.set("acknowledgementDeadline", receivedAt.plus(3, ChronoUnit.DAYS).toString())
			.set("explanation", Map.of("rule", "highest-destination", "summary",
					"The note asks that the letter of the Prime Minister be conveyed to its highest destination: the "
							+ "Director General.",
					"evidence", List.of("could be conveyed to its highest destination",
							"addressed to H.E. Mr. Antonio Vitorino, Director General")))
			.json();
	}

}
