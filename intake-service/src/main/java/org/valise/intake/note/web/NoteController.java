package org.valise.intake.note.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.Part;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.valise.intake.note.NoteFields;
import org.valise.intake.note.NoteIntake;
import org.valise.intake.note.NoteReceived;
import org.valise.intake.note.NoteSubmission;
import org.valise.intake.note.file.ExtractedNote;
import org.valise.intake.note.file.NoteFiles;
import org.valise.platform.security.Caller;

/**
 * The intake API: a registry submits a note (raw text, structured JSON, or a file uploaded as the multipart part
 * {@code file}) and gets its id and the address of its tracking view once Kafka has the note; or asks what the
 * parser reads in a note without submitting it. A retry with the same {@code Idempotency-Key} gets the same answer.
 */
@RestController
@RequestMapping("/api/v1/notes")
class NoteController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final NoteIntake intake;

	private final TrackingLinks trackingLinks;

	private final Uploads uploads;

	NoteController(NoteIntake intake, TrackingLinks trackingLinks, Uploads uploads) {
		this.intake = intake;
		this.trackingLinks = trackingLinks;
		this.uploads = uploads;
	}

	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "202", description = NoteAnswers.ACCEPTED)
	@ApiResponse(responseCode = "400", description = NoteAnswers.INVALID)
	@ApiResponse(responseCode = "413", description = NoteAnswers.TOO_LARGE)
	@ApiResponse(responseCode = "415", description = NoteAnswers.UNSUPPORTED)
	@ApiResponse(responseCode = "429", description = NoteAnswers.RATE_LIMITED)
	@ApiResponse(responseCode = "503", description = NoteAnswers.UNAVAILABLE)
	ResponseEntity<Accepted> submitText(@RequestBody(required = false) String text,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Caller client) {
		return accepted(this.intake.acceptText(text, client.name(), idempotencyKey));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "202", description = NoteAnswers.ACCEPTED)
	@ApiResponse(responseCode = "400", description = NoteAnswers.INVALID)
	@ApiResponse(responseCode = "413", description = NoteAnswers.TOO_LARGE)
	@ApiResponse(responseCode = "415", description = NoteAnswers.UNSUPPORTED)
	@ApiResponse(responseCode = "429", description = NoteAnswers.RATE_LIMITED)
	@ApiResponse(responseCode = "503", description = NoteAnswers.UNAVAILABLE)
	ResponseEntity<Accepted> submitStructured(@Valid @RequestBody NoteSubmission submission,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Caller client) {
		return accepted(this.intake.acceptStructured(submission, client.name(), idempotencyKey));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "202", description = NoteAnswers.ACCEPTED)
	@ApiResponse(responseCode = "400", description = NoteAnswers.INVALID)
	@ApiResponse(responseCode = "413", description = NoteAnswers.TOO_LARGE)
	@ApiResponse(responseCode = "415", description = NoteAnswers.UNSUPPORTED)
	@ApiResponse(responseCode = "422", description = NoteAnswers.UNREADABLE_FILE)
	@ApiResponse(responseCode = "429", description = NoteAnswers.RATE_LIMITED)
	@ApiResponse(responseCode = "503", description = NoteAnswers.UNAVAILABLE)
	ResponseEntity<Accepted> submitFile(@RequestPart(name = NoteFiles.FIELD, required = false) Part file,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Caller client) {
		this.intake.checkIdempotencyKey(idempotencyKey);
		ExtractedNote note = this.uploads.read(file);
		return accepted(this.intake.acceptFile(note.fileName(), note.text(), client.name(), idempotencyKey));
	}

	@PostMapping(path = "/parse", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", description = NoteAnswers.PARSED)
	@ApiResponse(responseCode = "400", description = NoteAnswers.INVALID)
	@ApiResponse(responseCode = "413", description = NoteAnswers.TOO_LARGE)
	@ApiResponse(responseCode = "415", description = NoteAnswers.UNSUPPORTED)
	NoteFields parse(@RequestBody(required = false) String text) {
		return this.intake.parse(text);
	}

	@PostMapping(path = "/parse", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", description = NoteAnswers.PARSED)
	@ApiResponse(responseCode = "400", description = NoteAnswers.INVALID)
	@ApiResponse(responseCode = "413", description = NoteAnswers.TOO_LARGE)
	@ApiResponse(responseCode = "415", description = NoteAnswers.UNSUPPORTED)
	@ApiResponse(responseCode = "422", description = NoteAnswers.UNREADABLE_FILE)
	NoteFields parseFile(@RequestPart(name = NoteFiles.FIELD, required = false) Part file) {
		return this.intake.parse(this.uploads.read(file).text());
	}

	private ResponseEntity<Accepted> accepted(NoteReceived received) {
		URI tracking = this.trackingLinks.trackingView(received.noteId());
		return ResponseEntity.accepted()
			.location(tracking)
			.body(new Accepted(received.noteId().toString(), received.receivedAt().toString(), tracking.toString(),
					new Understood(received.note().reference(), received.note().sender())));
	}

	/** The answer to an accepted submission. */
	record Accepted(String noteId, String receivedAt, String tracking, Understood understood) {
	}

	/** What intake read of the note, for the submitter to check at a glance; {@code null} where nothing was found. */
	record Understood(String reference, String sender) {
	}

}
