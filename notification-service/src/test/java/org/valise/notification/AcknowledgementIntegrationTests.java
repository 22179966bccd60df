package org.valise.notification;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledgements decided by the tracking topology: the signed one-click link (once only, forged refused), the API
 * (before delivery refused, two at once: one wins), duplicates never delivered, a reroute to another office.
 */
class AcknowledgementIntegrationTests extends BrokerTestSupport {

	private static final Pattern LINK = Pattern.compile("/api/v1/acknowledgements/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@Test
	void acknowledgesOnceByTheSignedLinkAndRefusesASecondUseOrAForgery() throws Exception {
		// given a note delivered by e-mail to the Protocol Office
		UUID noteId = UUID.randomUUID();
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000201",
				office("PROTOCOL", "Protocol Office", List.of(email("protocol-link@iom.example.org")))).json());
		await().atMost(WAIT).until(() -> mailsFor(noteId, "protocol-link@iom.example.org").size() == 1);
		awaitState(noteId, "DELIVERED");
		String token = linkIn(mailsFor(noteId, "protocol-link@iom.example.org").get(0));
		String link = "/api/v1/acknowledgements/" + token;

		// when the link is opened
		HttpResponse<String> page = get(link);

		// then a confirm page shows the note, and nothing is acknowledged yet
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.body()).contains("IN/2026/000201", "PROTOCOL", "<form method=\"post\"");
		assertThat(awaitState(noteId, "DELIVERED").path("acknowledgements")).isEmpty();

		// when a forged token (signature of another payload, or altered) is used
		String[] parts = token.split("\\.");
		String otherOffice = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
			.replace("|PROTOCOL|", "|ODG|");
		String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(otherOffice.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[1];
		HttpResponse<String> forged = confirm("/api/v1/acknowledgements/" + swapped, "Someone");
		HttpResponse<String> altered = get("/api/v1/acknowledgements/" + parts[0] + "." + flipped(parts[1]));

		// then they are refused, and the note stays unacknowledged
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(problem(forged).path("type").asString()).endsWith("/invalid-link");
		assertThat(altered.statusCode()).isEqualTo(403);

		// when the office confirms with the link
		HttpResponse<String> confirmed = confirm(link, "Chief of Protocol");

		// then the acknowledgement is decided and recorded, by link, for the Protocol Office
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
		JsonNode answer = json.readTree(confirmed.body());
		assertThat(answer.path("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(answer.path("office").asString()).isEqualTo("PROTOCOL");
		JsonNode acknowledged = json.readTree(awaitDeliveryRecord("org.valise.note.acknowledged.v1", noteId).value());
		assertThat(acknowledged.path("acknowledgedBy").asString()).isEqualTo("Chief of Protocol");
		JsonNode tracking = awaitState(noteId, "ACKNOWLEDGED");
		assertThat(tracking.path("acknowledgements").get(0).path("via").asString()).isEqualTo("link");

		// and the link cannot be used again
		HttpResponse<String> secondUse = confirm(link, "Chief of Protocol");
		assertThat(secondUse.statusCode()).isEqualTo(410);
		assertThat(problem(secondUse).path("type").asString()).endsWith("/link-used");
		assertThat(deliveryRecords(noteId, "org.valise.note.acknowledged.v1")).hasSize(1);
	}

	@Test
	void refusesAnAcknowledgementBeforeDeliveryAndTakesOnlyOneOfTwoAtOnce() throws Exception {
		// given a note whose only channel is down
		UUID noteId = UUID.randomUUID();
		String name = "ola-down-" + noteId;
		String hook = webhooks.hook(name, OLA_SECRET);
		webhooks.otherwise(name, 503);
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000202",
				office("OLA", "Office of Legal Affairs", List.of(webhook(hook)))).json());
		awaitDeliveryRecord("org.valise.note.delivery-failed.v1", noteId);

		// when its office acknowledges it
		HttpResponse<String> early = acknowledge(noteId, office("OLA"), "{\"acknowledgedBy\": \"Legal Counsel\"}");

		// then it is refused with the reason, and nothing changes
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(problem(early).path("detail").asString()).contains("has not been delivered yet");
		assertThat(problem(early).path("state").asString()).isEqualTo("FAILED");
		assertThat(awaitState(noteId, "FAILED").path("acknowledgements")).isEmpty();

		// when the delivery succeeds on retry, and two acknowledgements arrive at once
		webhooks.otherwise(name, 200);
		String deliveryId = awaitState(noteId, "FAILED").path("deliveries").get(0).path("deliveryId").asString();
		post("/api/v1/notes/" + noteId + "/deliveries/" + deliveryId + "/retry", OPERATOR_TOKEN, null, "", null);
		awaitState(noteId, "DELIVERED");
		CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> ackQuietly(noteId, "A"));
		CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> ackQuietly(noteId, "B"));

		// then exactly one is taken, the other is told it was already acknowledged
		List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());
		assertThat(statuses).containsExactlyInAnyOrder(202, 409);
		assertThat(deliveryRecords(noteId, "org.valise.note.acknowledged.v1")).hasSize(1);
		assertThat(awaitState(noteId, "ACKNOWLEDGED").path("acknowledgements")).hasSize(1);
	}

	@Test
	void neverDeliversADuplicateAndShowsWhichNoteItRepeats() throws Exception {
		// given a note the registry found already registered
		UUID noteId = UUID.randomUUID();
		UUID original = UUID.randomUUID();

		// when it is published as a DUPLICATE
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000203",
				office("DPR", "Department of Policy and Research", List.of(email("dpr-dup@iom.example.org"))))
			.set("outcome", "DUPLICATE")
			.set("duplicateOf", Map.of("noteId", original.toString(), "registryNumber", "IN/2026/000150"))
			.json());

		// then the view says so, nothing is scheduled, nothing awaits acknowledgement
		JsonNode tracking = awaitState(noteId, "DUPLICATE");
		assertThat(tracking.path("duplicateOf").path("registryNumber").asString()).isEqualTo("IN/2026/000150");
		assertThat(tracking.path("duplicateOf").path("noteId").asString()).isEqualTo(original.toString());
		assertThat(tracking.path("deliveries")).isEmpty();
		assertThat(tracking.path("nextEscalationAt").isNull()).isTrue();
		assertThat(tracking.path("receiptDraft").isNull()).isTrue();
		HttpResponse<String> ack = acknowledge(noteId, office("DPR"), "{\"acknowledgedBy\": \"Director\"}");
		assertThat(ack.statusCode()).isEqualTo(409);
		assertThat(problem(ack).path("detail").asString()).contains("duplicate of note IN/2026/000150");
	}

	@Test
	void deliversAReroutedNoteToItsNewOffice() throws Exception {
		// given a note routed by rules to the Department of Policy and Research and delivered there
		UUID noteId = UUID.randomUUID();
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000204",
				office("DPR", "Department of Policy and Research", List.of(email("dpr-reroute@iom.example.org"))))
			.json());
		awaitState(noteId, "DELIVERED");

		// when a clerk reroutes it (revision 2) to the Office of Legal Affairs
		publishRouted(noteId, Instant.now(), routing(noteId, "IN/2026/000204",
				office("OLA", "Office of Legal Affairs", List.of(email("legal-reroute@iom.example.org"))))
			.set("revision", 2)
			.set("decidedBy", "clerk.dupont")
			.set("reason", "The note concerns the host country agreement")
			.json());

		// then the new office gets it, the view shows both revisions, and only the new office may acknowledge
		await().atMost(WAIT).until(() -> mailsFor(noteId, "legal-reroute@iom.example.org").size() == 1);
		JsonNode tracking = awaitTracking(noteId, (view) -> view.path("revision").asInt() == 2
				&& "DELIVERED".equals(view.path("state").asString()));
		assertThat(tracking.path("destination").path("id").asString()).isEqualTo("OLA");
		assertThat(tracking.path("decidedBy").asString()).isEqualTo("clerk.dupont");
		assertThat(tracking.path("revisions")).extracting((revision) -> revision.path("destination").asString())
			.containsExactly("DPR", "OLA");
		assertThat(mailsFor(noteId, "dpr-reroute@iom.example.org")).hasSize(1);
		// (the office it was taken from no longer sees it at all)
		assertThat(acknowledge(noteId, office("DPR"), "{\"acknowledgedBy\": \"Director\"}").statusCode())
			.isEqualTo(404);
		assertThat(acknowledge(noteId, office("OLA"), "{\"acknowledgedBy\": \"Legal Counsel\"}").statusCode())
			.isEqualTo(202);
	}

	private HttpResponse<String> confirm(String link, String acknowledgedBy) throws Exception {
		return post(link, null, "application/x-www-form-urlencoded",
				"acknowledgedBy=" + java.net.URLEncoder.encode(acknowledgedBy, StandardCharsets.UTF_8),
				"application/json");
	}

	private HttpResponse<String> ackQuietly(UUID noteId, String by) {
		try {
			return acknowledge(noteId, office("OLA"), "{\"acknowledgedBy\": \"" + by + "\"}");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The signature with one character (not the last, which carries padding bits) changed. */
	private static String flipped(String signature) {
		int at = signature.length() / 2;
		char replacement = (signature.charAt(at) == 'A') ? 'B' : 'A';
		return signature.substring(0, at) + replacement + signature.substring(at + 1);
	}

	private static String linkIn(MimeMessage mail) throws Exception {
		String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
		Matcher matcher = LINK.matcher(text);
		assertThat(matcher.find()).as("a signed link in the mail").isTrue();
		return matcher.group(1);
	}

}
