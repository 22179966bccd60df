package org.valise.notification.tracking.web;

import java.time.Instant;

import org.valise.notification.event.NoteFields;
import org.valise.notification.tracking.DeliveryStatus;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.TrackingState;
import org.valise.platform.security.NoteAccess;

/**
 * A note in a search result.
 *
 * @param noteId the note
 * @param registryNumber its registry number
 * @param state where it stands
 * @param revision the routing revision in force
 * @param office the destination office id
 * @param officeName its name
 * @param priority NORMAL, HIGH or URGENT
 * @param reference the sender's reference (content)
 * @param sender the sender (content)
 * @param language the note's language (content)
 * @param receivedAt when intake accepted it
 * @param acknowledgementDeadline the deadline in force
 * @param overdue whether it passed unacknowledged
 * @param escalationLevel the highest escalation level of the revision in force
 * @param failedDeliveries deliveries given up
 * @param access what the caller may see of the note
 */
record NoteSummary(NoteId noteId, String registryNumber, TrackingState state, int revision, String office,
		String officeName, String priority, String reference, String sender, String language, Instant receivedAt,
		Instant acknowledgementDeadline, boolean overdue, int escalationLevel, long failedDeliveries,
		NoteAccess access) {

	static NoteSummary of(NoteTracking t, NoteAccess access, Instant now) {
		NoteFields note = access.seesContent() ? t.note() : null;
		return new NoteSummary(t.noteId(), t.registryNumber(), t.state(), t.revision(),
				(t.destination() != null) ? t.destination().id() : null,
				(t.destination() != null) ? t.destination().name() : null, t.priority(),
				(note != null) ? note.reference() : null, (note != null) ? note.sender() : null,
				(note != null) ? note.language() : null, t.receivedAt(), t.acknowledgementDeadline(), t.overdue(now),
				t.currentEscalations().size(),
				t.deliveries().stream().filter((d) -> d.status() == DeliveryStatus.FAILED).count(), access);
	}

}
