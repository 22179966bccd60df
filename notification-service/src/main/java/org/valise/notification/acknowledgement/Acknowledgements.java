package org.valise.notification.acknowledgement;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.event.DeliveryEvents;
import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.Office;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.NoteTrackings;
import org.valise.notification.tracking.TrackingState;
import org.valise.notification.web.ApiProblems;

import org.springframework.stereotype.Service;

/**
 * Records an office's acknowledgement of a delivered note: only the destination office, only once the note is
 * DELIVERED, published as NoteAcknowledged before the caller is answered.
 */
@Service
class Acknowledgements {

	private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

	/** How long this instance remembers an acknowledgement its tracking view may not show yet. */
	private static final Duration RECENT = Duration.ofMinutes(5);

	private final NoteTrackings trackings;

	private final DeliveryEvents events;

	private final MeterRegistry meters;

	// The view is updated asynchronously: this closes the window in which a second acknowledgement would still see
	// DELIVERED, on this instance. Across instances the tracking aggregate records both acknowledgements.
	private final Map<UUID, Instant> recent = new ConcurrentHashMap<>();

	Acknowledgements(NoteTrackings trackings, DeliveryEvents events, MeterRegistry meters) {
		this.trackings = trackings;
		this.events = events;
		this.meters = meters;
	}

	AcknowledgementAccepted acknowledge(UUID noteId, AuthenticatedOffice office, AcknowledgementRequest request) {
		NoteTracking tracking = this.trackings.find(noteId).orElseThrow(() -> ApiProblems.noteNotFound(noteId));
		Office destination = tracking.destination();
		String state = String.valueOf(tracking.state());
		if (destination == null) {
			throw ApiProblems.wrongState(noteId, state, TrackingState.DELIVERED.name(), "it has not been routed yet");
		}
		if (!destination.id().equalsIgnoreCase(office.id())) {
			log.warn("Refused acknowledgement of note {} ({}) by office {}: destination is {}", noteId,
					tracking.registryNumber(), office.id(), destination.id());
			throw ApiProblems.notDestinationOffice(noteId, office.id(), destination.id());
		}
		if (tracking.state() != TrackingState.DELIVERED) {
			throw ApiProblems.wrongState(noteId, state, TrackingState.DELIVERED.name(),
					(tracking.state() == TrackingState.ACKNOWLEDGED) ? "it has already been acknowledged"
							: "it has not been delivered yet");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.recent.values().removeIf((at) -> at.isBefore(now.minus(RECENT)));
		if (this.recent.putIfAbsent(noteId, now) != null) {
			throw ApiProblems.wrongState(noteId, TrackingState.ACKNOWLEDGED.name(), TrackingState.DELIVERED.name(),
					"it has already been acknowledged");
		}
		NoteAcknowledged event = new NoteAcknowledged(noteId, tracking.registryNumber(), destination,
				request.acknowledgedBy().strip(), now, blankToNull(request.comment()));
		String eventId;
		try {
			eventId = this.events.acknowledged(event);
		}
		catch (RuntimeException ex) {
			this.recent.remove(noteId);
			throw ex;
		}
		this.meters.counter("valise.notes.acknowledged", "office", destination.id()).increment();
		log.info("Note {} ({}) acknowledged for {} by {}", noteId, tracking.registryNumber(), destination.id(),
				event.acknowledgedBy());
		return new AcknowledgementAccepted(noteId, tracking.registryNumber(), destination.id(),
				event.acknowledgedBy(), now, event.comment(), eventId);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
