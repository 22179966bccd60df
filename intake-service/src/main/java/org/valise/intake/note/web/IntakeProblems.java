package org.valise.intake.note.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.note.NoteTooLargeException;
import org.valise.intake.note.file.FileKind;
import org.valise.intake.note.file.FileOverLimitException;
import org.valise.intake.note.file.NoteFiles;
import org.valise.intake.note.file.UnreadableNoteFileException;
import org.valise.intake.note.file.UnsupportedNoteFileException;

/**
 * Turns every refusal into an RFC 9457 problem that names the field at fault and why ({@code errors[{field,
 * reason}]}), without a stack trace and without echoing the note.
 */
@RestControllerAdvice
class IntakeProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(IntakeProblems.class);

	private static final String TYPE_BASE = "https://valise.org/problems/";

	private final MeterRegistry meters;

	private final IntakeLimits limits;

	IntakeProblems(MeterRegistry meters, IntakeLimits limits) {
		this.meters = meters;
		this.limits = limits;
	}

	@ExceptionHandler(InvalidNoteException.class)
	ProblemDetail invalidNote(InvalidNoteException ex) {
		return withError(problem(HttpStatus.BAD_REQUEST, "invalid-note", "Invalid note", ex.getMessage()), ex.field());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidArgument(IllegalArgumentException ex) {
		return withError(problem(HttpStatus.BAD_REQUEST, "invalid-note", "Invalid note", ex.getMessage()), "body");
	}

	@ExceptionHandler(NoteTooLargeException.class)
	ProblemDetail tooLarge(NoteTooLargeException ex) {
		ProblemDetail problem = withError(
				problem(HttpStatus.CONTENT_TOO_LARGE, "note-too-large", "Note too large", ex.getMessage()), ex.field());
		problem.setProperty("maxBytes", ex.maxBytes());
		return problem;
	}

	@ExceptionHandler(UnsupportedNoteFileException.class)
	ProblemDetail unsupportedFile(UnsupportedNoteFileException ex) {
		ProblemDetail problem = withError(
				problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file", "Unsupported file", ex.getMessage()),
				NoteFiles.FIELD);
		problem.setProperty("accepted", FileKind.ACCEPTED);
		return problem;
	}

	@ExceptionHandler(FileOverLimitException.class)
	ProblemDetail fileOverLimit(FileOverLimitException ex) {
		ProblemDetail problem = withError(problem(HttpStatus.CONTENT_TOO_LARGE, "file-over-limit",
				"File over a limit of what intake reads", ex.getMessage()), NoteFiles.FIELD);
		problem.setProperty("limit", ex.limit().code());
		return problem;
	}

	@ExceptionHandler(UnacceptableCharsetException.class)
	ProblemDetail unacceptableCharset(UnacceptableCharsetException ex) {
		return withError(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
				ex.getMessage()), HttpHeaders.CONTENT_TYPE);
	}

	/** A multipart body Tomcat cannot parse (no boundary, no closing delimiter, a broken part). */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException ex) {
		logger.debug("Unreadable multipart body", ex);
		return withError(problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
				"the multipart/form-data body cannot be read: send the note as the part '" + NoteFiles.FIELD
						+ "' of a well-formed multipart/form-data body"), NoteFiles.FIELD);
	}

	/**
	 * A header Spring Security's firewall refuses once the request is read (a NUL or a control character in its
	 * value). The firewall's message quotes the value; the problem names the header only.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ProblemDetail rejectedRequest(RequestRejectedException ex) {
		String header = RefusedFields.rejectedHeader(ex);
		return withError(problem(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
				((header != null) ? "the header " + header : "the request")
						+ " holds characters that no header may hold"),
				(header != null) ? header : "request");
	}

	@ExceptionHandler(UnreadableNoteFileException.class)
	ProblemDetail unreadableFile(UnreadableNoteFileException ex) {
		return withError(problem(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-file", "No readable note in the file",
				ex.getMessage()), NoteFiles.FIELD);
	}

	/** Anything unforeseen: logged with its stack trace here, answered without it. */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Failed to answer {} {}", request.getMethod(), request.getRequestURI(), ex);
		return withError(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"intake failed to process the request; nothing was published. Submit it again (with the same "
						+ "Idempotency-Key)."), "request");
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
		Optional<NoteTooLargeException> tooLarge = cause(ex, NoteTooLargeException.class);
		if (tooLarge.isPresent()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge.get()));
		}
		Optional<InvalidNoteException> invalid = cause(ex, InvalidNoteException.class);
		if (invalid.isPresent()) {
			return ResponseEntity.badRequest().body(invalidNote(invalid.get()));
		}
		logger.debug("Unreadable request body", ex);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
				JsonProblems.describe(ex));
		return ResponseEntity.badRequest().body(withError(problem, JsonProblems.field(ex).orElse("body")));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String given = (ex.getContentType() != null) ? ex.getContentType().getType() + "/" + ex.getContentType().getSubtype()
				: "a body without Content-Type";
		String accepted = ex.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
			.map((type) -> type.equals(MediaType.MULTIPART_FORM_DATA_VALUE)
					? type + " with the note as the part '" + NoteFiles.FIELD + "': " + String.join(", ", FileKind.ACCEPTED)
					: type)
			.collect(Collectors.joining("; "));
		ProblemDetail problem = withError(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", given + " is not accepted here; send " + accepted), HttpHeaders.CONTENT_TYPE);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(tooLarge(new NoteTooLargeException(NoteFiles.FIELD, this.limits.maxNoteSize())));
	}

	/** Spring's own refusals (wrong method, missing part, …) also name what is at fault. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
			withError(problem, RefusedFields.of(ex));
			count(status.is4xxClientError() ? "request-refused" : "request-failed");
		}
		return response;
	}

	private static ProblemDetail withError(ProblemDetail problem, String field) {
		problem.setProperty("errors", List.of(Map.of("field", field, "reason", String.valueOf(problem.getDetail()))));
		return problem;
	}

	private static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

	private ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		count(type);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	private void count(String reason) {
		Counter.builder("valise.notes.rejected")
			.description("Submissions intake refused, by reason")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

}
