package org.valise.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.event.DeliveryEvents;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mail.MailException;

/**
 * Delivers a routed note (ROUTED or TRIAGE alike) to each e-mail channel of its destination office and records each
 * delivery as NoteDelivered once the SMTP server accepted the mail. A failure to send or to record is thrown, so the
 * binder retries the whole note; a note with no usable e-mail channel is logged and counted as not deliverable.
 */
class NoteDeliverer {

	private static final Logger log = LoggerFactory.getLogger(NoteDeliverer.class);

	private final JsonMapper json;

	private final NoteMailComposer composer;

	private final NoteMailer mailer;

	private final DeliveryEvents events;

	private final MeterRegistry meters;

	NoteDeliverer(JsonMapper json, NoteMailComposer composer, NoteMailer mailer, DeliveryEvents events,
			MeterRegistry meters) {
		this.json = json;
		this.composer = composer;
		this.mailer = mailer;
		this.events = events;
		this.meters = meters;
	}

	/**
	 * Delivers one NoteRouted record.
	 * @param body the record's JSON value
	 * @param routedEventId its {@code ce_id}, which makes delivery ids stable across redeliveries
	 * @param traceId its {@code ce_traceid}, or null
	 */
	void deliver(String body, String routedEventId, String traceId) {
		NoteRouted routed;
		try {
			routed = this.json.readValue(body, NoteRouted.class);
		}
		catch (JacksonException ex) {
			// The exception's message may quote the body: log its type only.
			log.warn("Skipped unparseable NoteRouted {}: {}", routedEventId, ex.getClass().getSimpleName());
			return;
		}
		if (routed.noteId() == null || routed.destination() == null) {
			log.warn("Skipped NoteRouted {} without note id or destination", routedEventId);
			return;
		}
		List<Office.Channel> emails = routed.destination().channelsOfType(Office.EMAIL);
		if (emails.isEmpty()) {
			undeliverable(routed, "its destination " + routed.destination().id() + " has no e-mail channel");
			return;
		}
		NoteMail mail = this.composer.compose(routed);
		for (Office.Channel channel : emails) {
			InternetAddress address;
			try {
				address = new InternetAddress(channel.address(), true);
			}
			catch (AddressException ex) {
				undeliverable(routed, "e-mail address " + channel.address() + " of " + routed.destination().id()
						+ " is invalid");
				continue;
			}
			deliver(routed, mail, address, channel.address(), routedEventId, traceId);
		}
	}

	private void deliver(NoteRouted routed, NoteMail mail, InternetAddress address, String channelAddress,
			String routedEventId, String traceId) {
		String deliveryId = stableId("delivery", routed.noteId(), (routedEventId != null) ? routedEventId
				: String.valueOf(routed.routedAt()), Office.EMAIL, channelAddress);
		try {
			this.mailer.send(mail, address, routed);
		}
		catch (MailException ex) {
			log.warn("Could not e-mail note {} ({}) to {}: {}", routed.noteId(), routed.registryNumber(),
					channelAddress, ex.getMessage());
			throw new NoteNotDelivered(routed.noteId(), routed.registryNumber(), channelAddress, ex);
		}
		NoteDelivered delivered = new NoteDelivered(routed.noteId(), routed.registryNumber(), deliveryId,
				routed.destination(), Office.EMAIL, channelAddress, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		try {
			this.events.delivered(delivered, stableId("delivered", routed.noteId(), deliveryId), traceId);
		}
		catch (RuntimeException ex) {
			throw new NoteNotDelivered(routed.noteId(), routed.registryNumber(), channelAddress, ex);
		}
		this.meters.counter("valise.notes.delivered", "channel", Office.EMAIL).increment();
		log.info("Delivered note {} ({}) to {} by e-mail to {}", routed.noteId(), routed.registryNumber(),
				routed.destination().id(), channelAddress);
	}

	private void undeliverable(NoteRouted routed, String reason) {
		this.meters.counter("valise.notes.undeliverable", "office", routed.destination().id()).increment();
		log.warn("Note {} ({}) is not deliverable: {}", routed.noteId(), routed.registryNumber(), reason);
	}

	/** A name-based UUID: the same inputs (a redelivered record) give the same id, so readers can dedupe. */
	private static String stableId(String kind, Object... parts) {
		StringBuilder name = new StringBuilder(kind);
		for (Object part : parts) {
			name.append('|').append(part);
		}
		return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
	}

}
