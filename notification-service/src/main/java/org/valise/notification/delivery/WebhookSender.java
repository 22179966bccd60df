package org.valise.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.valise.notification.ValiseProperties;
import org.valise.platform.tracing.RecordTraces;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * POSTs an event to an office's webhook: the body is the event's JSON (the NoteRouted in force, or the NoteEscalated of
 * a notice), signed with the office's secret ({@code valise.webhooks.secrets.<officeId>}) as Standard Webhooks sign
 * ({@link WebhookSignature}; {@code webhook-id} is the delivery id, the same on every attempt). 2xx is delivered; 5xx, 408, 429, timeouts
 * and connection errors are worth retrying; any other answer (4xx, redirects), a missing secret or a refused URL is
 * permanent.
 */
@Component
class WebhookSender {

	private final HttpClient http;

	private final ValiseProperties.Webhooks settings;

	private final Map<String, String> secrets;

	private final Clock clock;

	private final JsonMapper json;

	WebhookSender(ValiseProperties properties, JsonMapper json, Clock clock) {
		this.json = json;
		this.settings = properties.webhooks();
		// Office ids are matched ignoring case: a secret set as VALISE_WEBHOOKS_SECRETS_DOE binds to key "doe".
		this.secrets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (this.settings.secrets() != null) {
			this.secrets.putAll(this.settings.secrets());
		}
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.clock = clock;
	}

	/**
	 * Sends the job's event to the office's webhook.
	 * @param traceparent the attempt's W3C traceparent, or null
	 */
	AttemptOutcome send(DeliveryJob job, URI acknowledgementLink, String traceparent) throws InterruptedException {
		String secret = this.secrets.get(job.office().id());
		if (secret == null || secret.isBlank()) {
			return AttemptOutcome.permanent("no webhook secret for office " + job.office().id()
					+ " (valise.webhooks.secrets." + job.office().id() + ")");
		}
		URI url;
		try {
			url = new URI(job.address());
		}
		catch (URISyntaxException ex) {
			return AttemptOutcome.permanent("invalid webhook URL " + job.address());
		}
		boolean https = "https".equalsIgnoreCase(url.getScheme());
		if (!https && (this.settings.requireHttps() || !"http".equalsIgnoreCase(url.getScheme()))) {
			return AttemptOutcome.permanent("webhook URL must be https: " + job.address());
		}
		String timestamp = String.valueOf(this.clock.instant().getEpochSecond());
		String body = body(job);
		if (body == null) {
			return AttemptOutcome.permanent("the event to deliver is not known");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "valise-notification-service")
			.header(WebhookSignature.ID_HEADER, job.deliveryId())
			.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, job.deliveryId(), timestamp, body))
			.header("X-Valise-Event-Id", job.eventId())
			.header("X-Valise-Event-Type", job.eventType())
			.header("X-Valise-Note-Id", job.noteId().toString())
			.header("X-Valise-Delivery-Purpose", job.purpose())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (acknowledgementLink != null) {
			request.header("X-Valise-Acknowledgement-Link", acknowledgementLink.toString());
		}
		if (traceparent != null) {
			// W3C Trace Context and the CloudEvents HTTP binding's ce-traceid: the office can join the note's trace.
			request.header(RecordTraces.TRACEPARENT, traceparent);
			request.header("ce-traceid", traceparent.substring(3, 35));
		}
		HttpResponse<Void> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (HttpTimeoutException ex) {
			return AttemptOutcome.retriable("timeout after " + this.settings.requestTimeout());
		}
		catch (IOException ex) {
			return AttemptOutcome.retriable("connection failed: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return AttemptOutcome.delivered();
		}
		String error = "HTTP " + status;
		return (status >= 500 || status == 408 || status == 429) ? AttemptOutcome.retriable(error)
				: AttemptOutcome.permanent(error);
	}

	/** The body: the escalation for a notice, else the routing in force, as JSON. */
	private String body(DeliveryJob job) {
		if (job.escalation() != null) {
			return this.json.writeValueAsString(job.escalation());
		}
		return (job.routed() != null) ? this.json.writeValueAsString(job.routed()) : null;
	}

}
