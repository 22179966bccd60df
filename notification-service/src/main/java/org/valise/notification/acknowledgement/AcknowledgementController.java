package org.valise.notification.acknowledgement;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/notes/{noteId}/acknowledgements}: the destination office acknowledges a delivered note.
 */
@RestController
@RequestMapping("/api/v1/notes")
class AcknowledgementController {

	private final Acknowledgements acknowledgements;

	AcknowledgementController(Acknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	// The office is resolved first: an unauthenticated request is refused before its body is read.
	@PostMapping("/{noteId}/acknowledgements")
	ResponseEntity<AcknowledgementAccepted> acknowledge(@PathVariable UUID noteId, AuthenticatedOffice office,
			@Valid @RequestBody AcknowledgementRequest request) {
		AcknowledgementAccepted accepted = this.acknowledgements.acknowledge(noteId, office, request);
		return ResponseEntity.accepted().location(URI.create("/api/v1/notes/" + noteId)).body(accepted);
	}

}
