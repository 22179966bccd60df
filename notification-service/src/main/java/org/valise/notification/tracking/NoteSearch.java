package org.valise.notification.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.valise.platform.security.NoteAccess;

/**
 * A search of the notes' states; null criteria match everything. A caller that may not read a note's content does
 * not find it by its content.
 *
 * @param state only notes in this state
 * @param office only notes for this office (destination, or escalated to)
 * @param overdue only notes past (true) or not past (false) their deadline unacknowledged
 * @param q text found in the registry number, note id, reference, sender or subject (case-insensitive)
 * @param page the page, from 0
 * @param size the page size
 */
public record NoteSearch(TrackingState state, String office, Boolean overdue, String q, int page, int size) {

	/** Whether the note matches, for a caller with this access. */
	public boolean matches(NoteTracking tracking, NoteAccess access, Instant now) {
		if (this.state != null && tracking.state() != this.state) {
			return false;
		}
		if (this.office != null && !this.office.isBlank() && !forOffice(tracking, this.office.strip())) {
			return false;
		}
		if (this.overdue != null && tracking.overdue(now) != this.overdue) {
			return false;
		}
		return this.q == null || this.q.isBlank() || contains(tracking, access, this.q.strip().toLowerCase(Locale.ROOT));
	}

	private static boolean forOffice(NoteTracking tracking, String office) {
		return (tracking.destination() != null && office.equalsIgnoreCase(tracking.destination().id()))
				|| tracking.currentEscalations()
					.stream()
					.anyMatch((escalation) -> office.equalsIgnoreCase(escalation.escalatedTo().id()));
	}

	private static boolean contains(NoteTracking tracking, NoteAccess access, String q) {
		List<String> texts = new ArrayList<>(List.of(tracking.noteId().toString()));
		if (tracking.registryNumber() != null) {
			texts.add(tracking.registryNumber());
		}
		if (tracking.note() != null && access.seesContent()) {
			for (String text : new String[] { tracking.note().reference(), tracking.note().sender(),
					tracking.note().subject() }) {
				if (text != null) {
					texts.add(text);
				}
			}
		}
		return texts.stream().anyMatch((text) -> text.toLowerCase(Locale.ROOT).contains(q));
	}

}
