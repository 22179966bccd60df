package org.valise.notification.acknowledgement;

import java.net.URI;

import jakarta.validation.Valid;
import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.streams.TrackingQueries;
import org.valise.notification.web.ApiProblems;
import org.valise.platform.security.Caller;
import org.valise.platform.security.NoteAccess;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/notes/{noteId}/acknowledgements}: an office acknowledges a delivered note (its bearer token says which office it is).
 * 202 with the decision (status ACKNOWLEDGED), or 202 status PENDING when it did not come within
 * {@code valise.acknowledgement.reply-timeout} (the tracking view at Location shows it); refusals are problems.
 */
@RestController
@RequestMapping("/api/v1/notes")
class AcknowledgementController {

	private final Acknowledgements acknowledgements;

	private final TrackingQueries trackings;

	AcknowledgementController(Acknowledgements acknowledgements, TrackingQueries trackings) {
		this.acknowledgements = acknowledgements;
		this.trackings = trackings;
	}

	// Authentication (an office's token) comes before the body is read; an office that may not see the note at all
	// gets 404, as for a note that does not exist.
	@PostMapping("/{noteId}/acknowledgements")
	@ApiResponse(responseCode = "202", description = "Accepted: the tracking desk recorded the acknowledgement (or "
			+ "will: status PENDING)")
	@ApiResponse(responseCode = "400", description = "A body that is not valid JSON, or a field missing or too long "
			+ "(errors name it)")
	@ApiResponse(responseCode = "403", description = "Not the destination office, nor an office escalated to "
			+ "(allowedOffices names them)")
	@ApiResponse(responseCode = "404", description = "No such note, or one the office may not see")
	@ApiResponse(responseCode = "409", description = "The note cannot be acknowledged in its state (not delivered "
			+ "yet, or already acknowledged)")
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge, or the tracking view is not "
			+ "available right now (starting, rebalancing); retry later")
	ResponseEntity<AcknowledgementAccepted> acknowledge(@PathVariable NoteId noteId, Caller office,
			@Valid @RequestBody AcknowledgementRequest request) {
		this.trackings.find(noteId)
			.filter((tracking) -> NoteAccess.of(office, tracking.audience()) != NoteAccess.NONE)
			.orElseThrow(() -> ApiProblems.noteNotFound(noteId.value()));
		AcknowledgementAccepted accepted = this.acknowledgements.acknowledge(noteId, office.office(),
				request.acknowledgedBy(), request.comment(), AcknowledgeNote.VIA_API, null);
		return ResponseEntity.accepted().location(URI.create("/api/v1/notes/" + noteId)).body(accepted);
	}

}
