package org.valise.notification.delivery;

import java.net.URI;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.ValiseProperties;
import org.valise.notification.acknowledgement.AcknowledgementLinks;
import org.valise.notification.command.Commands;
import org.valise.notification.command.DeliveryAttempted;
import org.valise.notification.event.EventNotPublished;
import org.valise.notification.event.NoteEscalated;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.tracing.NoteTraces;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Makes one delivery attempt (an e-mail over SMTP, or a signed webhook), each with a fresh signed acknowledgement
 * link for the receiving office, and reports its outcome to the tracking topology as a {@link DeliveryAttempted}
 * command; the topology records the delivery, schedules a retry or gives up. Runs on a dispatcher thread, never on
 * the Kafka Streams thread.
 */
@Component
class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final JsonMapper json;

	private final NoteMailComposer composer;

	private final NoteMailer mailer;

	private final WebhookSender webhooks;

	private final AcknowledgementLinks links;

	private final Commands commands;

	private final MeterRegistry meters;

	DeliveryWorker(JsonMapper json, ValiseProperties properties, NoteMailer mailer, WebhookSender webhooks,
			AcknowledgementLinks links, Commands commands, MeterRegistry meters) {
		this.json = json;
		this.composer = new NoteMailComposer(properties.publicUrl());
		this.mailer = mailer;
		this.webhooks = webhooks;
		this.links = links;
		this.commands = commands;
		this.meters = meters;
	}

	void attempt(DeliveryJob job) {
		// The note's trace id is in every line logged meanwhile, and on the outcome reported to the topology.
		try (NoteTraces.Scope trace = NoteTraces.inScope(job.traceId())) {
			attemptInTrace(job);
		}
	}

	private void attemptInTrace(DeliveryJob job) {
		Timer.Sample sample = Timer.start(this.meters);
		AttemptOutcome outcome;
		try {
			URI link = this.links.link(job.noteId(), job.office().id());
			outcome = switch (job.channel()) {
				case Office.EMAIL -> mail(job, link);
				case Office.WEBHOOK -> this.webhooks.send(job, link);
				default -> AttemptOutcome.permanent("unknown channel " + job.channel());
			};
		}
		catch (InterruptedException ex) {
			// Stopping: the attempt's lease expires and another dispatch makes it again.
			Thread.currentThread().interrupt();
			return;
		}
		catch (RuntimeException ex) {
			outcome = AttemptOutcome.retriable(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		sample.stop(this.meters.timer("valise.delivery.attempts", "channel", job.channel(), "outcome",
				outcome.succeeded() ? "delivered" : outcome.permanent() ? "refused" : "failed"));
		if (outcome.succeeded()) {
			log.info("Delivered {} of note {} ({}) to {} by {} to {} (attempt {})", job.purpose(), job.noteId(),
					job.registryNumber(), job.office().id(), job.channel(), job.address(), job.attempt());
		}
		else {
			log.warn("Attempt {} to deliver {} of note {} ({}) to {} by {} to {} failed{}: {}", job.attempt(),
					job.purpose(), job.noteId(), job.registryNumber(), job.office().id(), job.channel(), job.address(),
					outcome.permanent() ? " for good" : "", outcome.error());
		}
		try {
			this.commands.send(job.noteId(), Commands.DELIVERY_ATTEMPTED,
					new DeliveryAttempted(job.noteId(), job.deliveryId(), job.attempt(), outcome.succeeded(),
							outcome.permanent(), outcome.error(), Instant.now()));
		}
		catch (EventNotPublished ex) {
			log.warn("Could not report attempt {} of delivery {} of note {}: it is made again when its lease expires",
					job.attempt(), job.deliveryId(), job.noteId());
		}
	}

	private AttemptOutcome mail(DeliveryJob job, URI link) {
		InternetAddress address;
		try {
			address = new InternetAddress(job.address(), true);
		}
		catch (AddressException ex) {
			return AttemptOutcome.permanent("invalid e-mail address " + job.address());
		}
		if (job.routed() == null) {
			return AttemptOutcome.permanent("the note's routing is not known");
		}
		NoteRouted routed;
		NoteEscalated escalation;
		try {
			routed = this.json.readValue(job.routed(), NoteRouted.class);
			escalation = DeliveryJob.ESCALATION.equals(job.purpose())
					? this.json.readValue(job.payload(), NoteEscalated.class) : null;
		}
		catch (JacksonException ex) {
			return AttemptOutcome.permanent("unreadable event: " + ex.getClass().getSimpleName());
		}
		try {
			this.mailer.send(this.composer.compose(routed, link, escalation), address, routed);
			return AttemptOutcome.delivered();
		}
		catch (MailException ex) {
			return AttemptOutcome.retriable("SMTP: " + ex.getMessage());
		}
	}

}
