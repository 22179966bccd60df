package org.valise.notification.tracking;

import java.time.Instant;
import java.util.UUID;

import org.valise.notification.web.ApiProblems;
import org.valise.platform.security.Caller;
import org.valise.platform.security.NoteAccess;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each note's tracking view ({@code GET /api/v1/notes/{noteId}}) and the search over them
 * ({@code GET /api/v1/notes?state=&office=&overdue=&q=&page=&size=}), each to a caller as far as it may see the note
 * ({@link NoteAccess}).
 */
@RestController
@RequestMapping("/api/v1/notes")
class NoteTrackingController {

	private static final int MAX_SIZE = 100;

	private final NoteTrackings trackings;

	NoteTrackingController(NoteTrackings trackings) {
		this.trackings = trackings;
	}

	/** The note as the caller may see it; 404 when it may not see it at all, as for a note that does not exist. */
	@GetMapping("/{noteId}")
	NoteView tracking(@PathVariable UUID noteId, Caller caller) {
		NoteTracking tracking = this.trackings.find(noteId).orElseThrow(() -> ApiProblems.noteNotFound(noteId));
		NoteAccess access = NoteAccess.of(caller, tracking.audience());
		if (access == NoteAccess.NONE) {
			throw ApiProblems.noteNotFound(noteId);
		}
		return NoteView.of(tracking, access);
	}

	@GetMapping
	NoteTrackings.NotePage search(@RequestParam(required = false) TrackingState state,
			@RequestParam(required = false) String office, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Caller caller) {
		if (page < 0) {
			throw ApiProblems.invalidParameter("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ApiProblems.invalidParameter("size", "must be between 1 and " + MAX_SIZE);
		}
		return this.trackings.search(new NoteTrackings.NoteSearch(state, office, overdue, q, page, size), caller,
				Instant.now());
	}

}
