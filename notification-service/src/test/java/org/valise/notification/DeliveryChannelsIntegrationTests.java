package org.valise.notification;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery over the real peers: e-mail to GreenMail and signed webhooks to a local HTTP server that verifies each
 * signature; retries with backoff of a failing channel, giving up (NoteDeliveryFailed) and an operator's retry.
 */
class DeliveryChannelsIntegrationTests extends BrokerTestSupport {

	@Test
	void deliversByEmailAndBySignedWebhook() throws Exception {
		// given the Office of Legal Affairs reached by e-mail and by webhook
		UUID noteId = UUID.randomUUID();
		String hook = webhooks.hook("ola-" + noteId, OLA_SECRET);
		String routed = routing(noteId, "IN/2026/000101", office("OLA", "Office of Legal Affairs",
				List.of(email("ola-both@iom.example.org"), webhook(hook)))).json();

		// when the note is routed there
		String routedEventId = publishRouted(noteId, Instant.now(), routed);

		// then it is delivered on both channels, each recorded as NoteDelivered
		await().atMost(WAIT).until(() -> deliveryRecords(noteId, "org.valise.note.delivered.v1").size() == 2);
		assertThat(deliveryRecords(noteId, "org.valise.note.delivered.v1"))
			.extracting((record) -> json.readTree(record.value()).path("channel").asString())
			.containsExactlyInAnyOrder("email", "webhook");
		assertThat(mailsFor(noteId, "ola-both@iom.example.org")).hasSize(1);

		// and the webhook got the event itself, signed with the office's secret (the receiver verified it)
		assertThat(webhooks.requestsTo("ola-" + noteId)).singleElement().satisfies((request) -> {
			assertThat(request.signatureValid()).isTrue();
			assertThat(request.status()).isEqualTo(200);
			assertThat(request.body()).isEqualTo(routed);
			assertThat(request.eventId()).isEqualTo(routedEventId);
			assertThat(request.eventType()).isEqualTo("org.valise.note.routed.v1");
			assertThat(request.acknowledgementLink()).contains("/api/v1/acknowledgements/");
		});
		JsonNode tracking = awaitState(noteId, "DELIVERED");
		assertThat(tracking.path("deliveries")).hasSize(2)
			.allSatisfy((delivery) -> assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED"));
	}

	@Test
	void retriesAFailingWebhookWithBackoffUntilItRecovers() throws Exception {
		// given an office whose webhook answers 503, then 500, then recovers
		UUID noteId = UUID.randomUUID();
		String hook = webhooks.hook("doe-" + noteId, DOE_SECRET, 503, 500);

		// when a note is routed to it
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000102",
				office("DOE", "Department of Operations and Emergencies", List.of(webhook(hook)))).json());

		// then the third attempt delivers it, and nothing is reported failed
		ConsumerRecord<String, String> delivered = awaitDeliveryRecord("org.valise.note.delivered.v1", noteId);
		assertThat(json.readTree(delivered.value()).path("address").asString()).isEqualTo(hook);
		assertThat(webhooks.requestsTo("doe-" + noteId)).extracting(WebhookReceiver.Request::status)
			.containsExactly(503, 500, 200);
		JsonNode tracking = awaitState(noteId, "DELIVERED");
		assertThat(tracking.path("deliveries").get(0).path("attempts").asInt()).isEqualTo(3);
		assertThat(tracking.path("deliveries").get(0).path("lastError").asString()).isEqualTo("HTTP 500");
		assertThat(deliveryRecords(noteId, "org.valise.note.delivery-failed.v1")).isEmpty();
	}

	@Test
	void givesUpOnAWebhookFailingForGoodAndRetriesItOnAnOperatorsRequest() throws Exception {
		// given an office whose webhook is down
		UUID noteId = UUID.randomUUID();
		String name = "doe-down-" + noteId;
		String hook = webhooks.hook(name, DOE_SECRET);
		webhooks.otherwise(name, 503);

		// when a note is routed to it
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000103",
				office("DOE", "Department of Operations and Emergencies", List.of(webhook(hook)))).json());

		// then after max-attempts (3) the delivery is given up: NoteDeliveryFailed for operators, the note FAILED
		JsonNode failed = json.readTree(awaitDeliveryRecord("org.valise.note.delivery-failed.v1", noteId).value());
		assertThat(failed.path("attempts").asInt()).isEqualTo(3);
		assertThat(failed.path("error").asString()).isEqualTo("HTTP 503");
		assertThat(failed.path("permanent").asBoolean()).isFalse();
		assertThat(failed.path("purpose").asString()).isEqualTo("NOTE");
		assertThat(webhooks.requestsTo(name)).hasSize(3);
		JsonNode tracking = awaitState(noteId, "FAILED");
		String deliveryId = failed.path("deliveryId").asString();
		assertThat(tracking.path("deliveries").get(0).path("status").asString()).isEqualTo("FAILED");

		// when the office's token, then an unknown delivery, is used to retry
		String retry = "/api/v1/notes/" + noteId + "/deliveries/" + deliveryId + "/retry";
		assertThat(post(retry, office("DOE"), null, "", null).statusCode()).isEqualTo(403);
		assertThat(post("/api/v1/notes/" + noteId + "/deliveries/nope/retry", OPERATOR_TOKEN, null, "", null)
			.statusCode()).isEqualTo(404);

		// when the office is back and an operator retries
		webhooks.otherwise(name, 200);
		HttpResponse<String> retried = post(retry, OPERATOR_TOKEN, null, "", null);

		// then the retry is accepted and delivers the note
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
		assertThat(json.readTree(retried.body()).path("status").asString()).isEqualTo("RETRYING");
		awaitDeliveryRecord("org.valise.note.delivered.v1", noteId);
		JsonNode delivered = awaitState(noteId, "DELIVERED");
		assertThat(events(delivered)).containsSubsequence("ROUTED", "DELIVERY_FAILED", "DELIVERY_RETRIED",
				"DELIVERED");

		// and a delivered delivery cannot be retried
		HttpResponse<String> again = post(retry, OPERATOR_TOKEN, null, "", null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(problem(again).path("detail").asString()).contains("only a FAILED one can be retried");
	}

	@Test
	void keepsDeliveringToOtherOfficesWhileOneOfficeIsSlow() throws Exception {
		// given an office whose webhook holds every answer
		UUID slowNote = UUID.randomUUID();
		UUID otherNote = UUID.randomUUID();
		String name = "doe-slow-" + slowNote;
		CountDownLatch slow = webhooks.hold(name);
		String hook = webhooks.hook(name, DOE_SECRET);
		publishRouted(slowNote, Instant.now(), routing(slowNote, "IN/2026/000105",
				office("DOE", "Department of Operations and Emergencies", List.of(webhook(hook)))).json());
		await().atMost(WAIT).until(() -> webhooks.holding(name));

		// when another office gets a note while that answer is still held
		publishRouted(otherNote, Instant.now(), routing(otherNote, "IN/2026/000106",
				office("OLA", "Office of Legal Affairs", List.of(email("ola-fast@iom.example.org")))).json());

		// then the other note is delivered meanwhile, and the slow one once its office answers
		awaitDeliveryRecord("org.valise.note.delivered.v1", otherNote);
		assertThat(webhooks.holding(name)).isTrue();
		assertThat(deliveryRecords(slowNote, "org.valise.note.delivered.v1")).isEmpty();
		slow.countDown();
		awaitDeliveryRecord("org.valise.note.delivered.v1", slowNote);
	}

	@Test
	void doesNotRetryAWebhookThatRefusesTheNote() throws Exception {
		// given a receiver expecting another secret: it refuses the signature with 401
		UUID noteId = UUID.randomUUID();
		String hook = webhooks.hook("doe-refuses-" + noteId, "not-the-secret-valise-signs-with");

		// when a note is routed to it
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000104",
				office("DOE", "Department of Operations and Emergencies", List.of(webhook(hook)))).json());

		// then a 4xx is not retried: one attempt, failed for good
		JsonNode failed = json.readTree(awaitDeliveryRecord("org.valise.note.delivery-failed.v1", noteId).value());
		assertThat(failed.path("attempts").asInt()).isEqualTo(1);
		assertThat(failed.path("permanent").asBoolean()).isTrue();
		assertThat(failed.path("error").asString()).isEqualTo("HTTP 401");
		assertThat(webhooks.requestsTo("doe-refuses-" + noteId)).singleElement()
			.satisfies((request) -> assertThat(request.signatureValid()).isFalse());
	}

}
