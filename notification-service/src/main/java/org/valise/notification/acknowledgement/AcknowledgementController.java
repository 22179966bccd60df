package org.valise.notification.acknowledgement;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.valise.notification.command.AcknowledgeNote;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/notes/{noteId}/acknowledgements}: an office acknowledges a delivered note with its bearer token.
 * 202 with the decision (status ACKNOWLEDGED), or 202 status PENDING when it did not come within
 * {@code valise.acknowledgement.reply-timeout} (the tracking view at Location shows it); refusals are problems.
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
		AcknowledgementAccepted accepted = this.acknowledgements.acknowledge(noteId, office.id(),
				request.acknowledgedBy(), request.comment(), AcknowledgeNote.VIA_API, null);
		return ResponseEntity.accepted().location(URI.create("/api/v1/notes/" + noteId)).body(accepted);
	}

}
