package org.valise.intake.note.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.valise.intake.note.NoteId;

/**
 * Builds the address of a note's tracking view, served by notification-service.
 */
@Component
class TrackingLinks {

	private final String template;

	TrackingLinks(@Value("${valise.tracking-url}") String template) {
		this.template = template;
	}

	URI trackingView(NoteId noteId) {
		return UriComponentsBuilder.fromUriString(this.template).buildAndExpand(noteId.toString()).toUri();
	}

}
