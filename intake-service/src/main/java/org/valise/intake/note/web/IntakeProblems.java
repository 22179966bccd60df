package org.valise.intake.note.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.note.PublicationFailedException;

/**
 * Turns every refusal into an RFC 9457 problem that names the field at fault and why, without a stack trace
 * and without echoing the note.
 */
@RestControllerAdvice
class IntakeProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(IntakeProblems.class);

	private static final String TYPE_BASE = "https://valise.org/problems/";

	private final MeterRegistry meters;

	IntakeProblems(MeterRegistry meters) {
		this.meters = meters;
	}

	@ExceptionHandler(InvalidNoteException.class)
	ProblemDetail invalidNote(InvalidNoteException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-note", "Invalid note", ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "reason", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-note", "Invalid note", ex.getMessage());
	}

	@ExceptionHandler(PublicationFailedException.class)
	ResponseEntity<ProblemDetail> publicationFailed(PublicationFailedException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable",
				"Note not accepted: the event log is unavailable",
				"Kafka did not acknowledge the note, so it was not accepted and nothing was published. "
						+ "Submit it again later (with the same Idempotency-Key).");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "reason", String.valueOf(error.getDefaultMessage())))
			.toList();
		String detail = errors.stream().map((error) -> error.get("field") + " " + error.get("reason")).toList().toString();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-note", "Invalid note", detail);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		logger.debug("Unreadable request body", ex);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
				JsonProblems.describe(ex));
		JsonProblems.field(ex).ifPresent((field) -> problem.setProperty("errors",
				List.of(Map.of("field", field, "reason", problem.getDetail()))));
		return ResponseEntity.badRequest().body(problem);
	}

	private ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		Counter.builder("valise.notes.rejected")
			.description("Submissions intake refused, by reason")
			.tag("reason", type)
			.register(this.meters)
			.increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
