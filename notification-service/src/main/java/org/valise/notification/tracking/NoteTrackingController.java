package org.valise.notification.tracking;

import java.util.UUID;

import org.valise.notification.web.ApiProblems;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each note's tracking view.
 */
@RestController
@RequestMapping("/api/v1/notes")
class NoteTrackingController {

	private final NoteTrackings trackings;

	NoteTrackingController(NoteTrackings trackings) {
		this.trackings = trackings;
	}

	@GetMapping("/{noteId}")
	NoteTracking tracking(@PathVariable UUID noteId) {
		return this.trackings.find(noteId).orElseThrow(() -> ApiProblems.noteNotFound(noteId));
	}

}
