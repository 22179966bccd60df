package org.valise.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.event.Office;
import org.valise.platform.tracing.RecordTraces;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The sender: takes a batch of delivery jobs from {@code notification.dispatches.v1} (binding {@code deliver-in-0},
 * batch mode, transactional), makes every attempt (webhooks in their offices' lanes, e-mails over shared SMTP sessions), waits
 * for them all, and reports each outcome in the transaction that commits the batch. After a crash the batch is read
 * again and resent with the same ids (Message-ID, webhook-id): the receiver recognises the repeat, and the tracking
 * desk never sees two outcomes of one attempt. A job older than the attempt timeout is not sent: the desk has
 * counted it as failed and dispatched it again.
 */
final class DeliverySender {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	private final JsonMapper json;

	private final MailSends mails;

	private final WebhookSender webhooks;

	private final AcknowledgementLinkSigner links;

	private final DeliveryOutcomes outcomes;

	private final OfficeLanes lanes;

	private final RecordTraces traces;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Duration attemptTimeout;

	private final Duration batchWait;

	DeliverySender(JsonMapper json, MailSends mails, WebhookSender webhooks, AcknowledgementLinkSigner links,
			DeliveryOutcomes outcomes, OfficeLanes lanes, RecordTraces traces, MeterRegistry meters, Clock clock,
			Duration attemptTimeout, Duration batchWait) {
		this.json = json;
		this.mails = mails;
		this.webhooks = webhooks;
		this.links = links;
		this.outcomes = outcomes;
		this.lanes = lanes;
		this.traces = traces;
		this.meters = meters;
		this.clock = clock;
		this.attemptTimeout = attemptTimeout;
		this.batchWait = batchWait;
	}

	void deliver(Message<List<byte[]>> batch) {
		long started = System.nanoTime();
		Map<DeliveryJob, Headers> jobs = read(batch);
		List<DeliveryJob> emails = new ArrayList<>();
		Map<DeliveryJob, URI> links = new LinkedHashMap<>();
		Map<DeliveryJob, CompletableFuture<AttemptOutcome>> sends = new LinkedHashMap<>();
		jobs.forEach((job, trace) -> {
			// An office in copy is informed, not asked to acknowledge: no link.
			URI link = DeliveryJob.COPY.equals(job.purpose()) ? null : this.links.link(job.noteId(), job.office().id());
			links.put(job, link);
			if (Office.EMAIL.equals(job.channel())) {
				emails.add(job);
			}
			else if (Office.WEBHOOK.equals(job.channel())) {
				String traceparent = traceparent(trace);
				sends.put(job, this.lanes.office(job.office().id(), () -> webhook(job, link, traceparent)));
			}
			else {
				sends.put(job, CompletableFuture.completedFuture(AttemptOutcome.permanent("unknown channel "
						+ job.channel())));
			}
		});
		sends.putAll(this.mails.send(emails, links));
		long deadline = System.nanoTime() + this.batchWait.toNanos();
		jobs.forEach((job, trace) -> {
			AttemptOutcome outcome = await(sends.get(job), deadline);
			try (RecordTraces.Processing span = this.traces.processing("deliver", trace)) {
				record(job, outcome, started);
				RecordHeaders reportTrace = new RecordHeaders();
				this.traces.carryOver(trace, reportTrace);
				this.outcomes.report(job, outcome, this.clock.instant().truncatedTo(ChronoUnit.MILLIS), reportTrace);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private Map<DeliveryJob, Headers> read(Message<List<byte[]>> batch) {
		Map<DeliveryJob, Headers> jobs = new LinkedHashMap<>();
		Instant now = this.clock.instant();
		List<byte[]> payloads = batch.getPayload();
		List<Long> timestamps = batch.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP, List.class);
		List<Map<String, Object>> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
		for (int i = 0; i < payloads.size(); i++) {
			DeliveryJob job;
			try {
				job = this.json.readValue(payloads.get(i), DeliveryJob.class);
			}
			catch (JacksonException ex) {
				// Internal and written by the desk: an unreadable job is a defect; its lease makes the desk try again.
				log.error("Skipped an unreadable delivery job ({})", ex.getClass().getSimpleName());
				this.meters.counter("valise.delivery.jobs.skipped", "reason", "unreadable").increment();
				continue;
			}
			Long timestamp = (timestamps != null && i < timestamps.size()) ? timestamps.get(i) : null;
			if (timestamp != null && Instant.ofEpochMilli(timestamp).plus(this.attemptTimeout).isBefore(now)) {
				log.warn("Skipped attempt {} of delivery {} of note {}: dispatched more than {} ago, made again since",
						job.attempt(), job.deliveryId(), job.noteId(), this.attemptTimeout);
				this.meters.counter("valise.delivery.jobs.skipped", "reason", "stale").increment();
				continue;
			}
			jobs.put(job, traceHeaders((headers != null && i < headers.size()) ? headers.get(i) : Map.of(),
					job.traceId()));
		}
		return jobs;
	}

	private AttemptOutcome webhook(DeliveryJob job, URI link, String traceparent) {
		try {
			return this.webhooks.send(job, link, traceparent);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return AttemptOutcome.retriable("interrupted");
		}
		catch (RuntimeException ex) {
			return AttemptOutcome.retriable(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private AttemptOutcome await(CompletableFuture<AttemptOutcome> send, long deadline) {
		try {
			return send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			send.cancel(true);
			return AttemptOutcome.retriable("no answer within " + this.batchWait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while delivering", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return AttemptOutcome.retriable(cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
	}

	private void record(DeliveryJob job, AttemptOutcome outcome, long started) {
		String result = outcome.succeeded() ? "delivered" : outcome.permanent() ? "refused" : "failed";
		this.meters.timer("valise.delivery.attempts", "channel", job.channel(), "outcome", result)
			.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		if (outcome.succeeded()) {
			log.info("Sent {} of note {} ({}) to {} by {} to {} (attempt {})", job.purpose(), job.noteId(),
					job.registryNumber(), job.office().id(), job.channel(), job.address(), job.attempt());
		}
		else {
			log.warn("Attempt {} to deliver {} of note {} ({}) to {} by {} to {} failed{}: {}", job.attempt(),
					job.purpose(), job.noteId(), job.registryNumber(), job.office().id(), job.channel(), job.address(),
					outcome.permanent() ? " for good" : "", outcome.error());
		}
	}

	/**
	 * The job's trace: the note's trace id it carries (the attempt is a span of the note's trace), else its record's
	 * own trace headers.
	 */
	private static Headers traceHeaders(Map<String, Object> received, String noteTraceId) {
		RecordHeaders headers = new RecordHeaders();
		if (noteTraceId != null) {
			headers.add(RecordTraces.TRACE_ID, noteTraceId.getBytes(StandardCharsets.UTF_8));
			return headers;
		}
		for (String name : new String[] { RecordTraces.TRACEPARENT, RecordTraces.TRACE_ID }) {
			Object value = received.get(name);
			if (value instanceof byte[]) {
				headers.add(name, (byte[]) value);
			}
			else if (value != null) {
				headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return headers;
	}

	/** The W3C traceparent of a span of this service in the job's trace (sent with the webhook). */
	private String traceparent(Headers trace) {
		RecordHeaders outgoing = new RecordHeaders();
		try (RecordTraces.Processing span = this.traces.processing("send-webhook", trace)) {
			this.traces.carryOver(trace, outgoing);
		}
		return header(outgoing, RecordTraces.TRACEPARENT);
	}

	private static String header(Headers headers, String name) {
		var header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
