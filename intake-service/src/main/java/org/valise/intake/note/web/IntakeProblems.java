package org.valise.intake.note.web;

import java.util.Optional;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.valise.intake.note.IntakeLimits;
import org.valise.intake.note.InvalidNoteException;
import org.valise.intake.note.NoteTooLargeException;
import org.valise.intake.note.file.FileKind;
import org.valise.intake.note.file.FileOverLimitException;
import org.valise.intake.note.file.NoteFiles;
import org.valise.intake.note.file.UnreadableNoteFileException;
import org.valise.intake.note.file.UnsupportedNoteFileException;
import org.valise.platform.web.Problems;
import org.valise.platform.web.RefusedFields;
import org.valise.platform.web.ValiseProblemHandler;

/**
 * Turns every refusal into an RFC 9457 problem that names the field at fault and why ({@code errors[{field,
 * reason}]}), without a stack trace and without echoing the note.
 */
@RestControllerAdvice
class IntakeProblems extends ValiseProblemHandler {

	private static final Logger logger = LoggerFactory.getLogger(IntakeProblems.class);

	private final MeterRegistry meters;

	private final IntakeLimits limits;

	IntakeProblems(MeterRegistry meters, IntakeLimits limits) {
		this.meters = meters;
		this.limits = limits;
	}

	@ExceptionHandler(InvalidNoteException.class)
	ProblemDetail invalidNote(InvalidNoteException ex) {
		return Problems.withError(problem(HttpStatus.BAD_REQUEST, "invalid-note", "Invalid note", ex.getMessage()), ex.field());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidArgument(IllegalArgumentException ex) {
		return Problems.withError(problem(HttpStatus.BAD_REQUEST, "invalid-note", "Invalid note", ex.getMessage()), "body");
	}

	@ExceptionHandler(NoteTooLargeException.class)
	ProblemDetail tooLarge(NoteTooLargeException ex) {
		ProblemDetail problem = Problems.withError(
				problem(HttpStatus.CONTENT_TOO_LARGE, "note-too-large", "Note too large", ex.getMessage()), ex.field());
		problem.setProperty("maxBytes", ex.maxBytes());
		return problem;
	}

	@ExceptionHandler(UnsupportedNoteFileException.class)
	ProblemDetail unsupportedFile(UnsupportedNoteFileException ex) {
		ProblemDetail problem = Problems.withError(
				problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file", "Unsupported file", ex.getMessage()),
				NoteFiles.FIELD);
		problem.setProperty("accepted", FileKind.ACCEPTED);
		return problem;
	}

	@ExceptionHandler(FileOverLimitException.class)
	ProblemDetail fileOverLimit(FileOverLimitException ex) {
		ProblemDetail problem = Problems.withError(problem(HttpStatus.CONTENT_TOO_LARGE, "file-over-limit",
				"File over a limit of what intake reads", ex.getMessage()), NoteFiles.FIELD);
		problem.setProperty("limit", ex.limit().code());
		return problem;
	}

	@ExceptionHandler(UnacceptableCharsetException.class)
	ProblemDetail unacceptableCharset(UnacceptableCharsetException ex) {
		return Problems.withError(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
				ex.getMessage()), HttpHeaders.CONTENT_TYPE);
	}

	/** A multipart body Tomcat cannot parse (no boundary, no closing delimiter, a broken part). */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException ex) {
		logger.debug("Unreadable multipart body", ex);
		return Problems.withError(problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
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
		return Problems.withError(problem(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
				((header != null) ? "the header " + header : "the request")
						+ " holds characters that no header may hold"),
				(header != null) ? header : "request");
	}

	@ExceptionHandler(UnreadableNoteFileException.class)
	ProblemDetail unreadableFile(UnreadableNoteFileException ex) {
		return Problems.withError(problem(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-file", "No readable note in the file",
				ex.getMessage()), NoteFiles.FIELD);
	}

	@Override
	protected String invalidRequestType() {
		return "invalid-note";
	}

	@Override
	protected String unexpectedDetail() {
		return "intake failed to process the request; nothing was published. Submit it again (with the same "
				+ "Idempotency-Key).";
	}

	@Override
	protected void answered(String type) {
		Rejections.count(this.meters, type);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Optional<NoteTooLargeException> tooLarge = Problems.cause(ex, NoteTooLargeException.class);
		if (tooLarge.isPresent()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge.get()));
		}
		Optional<InvalidNoteException> invalid = Problems.cause(ex, InvalidNoteException.class);
		if (invalid.isPresent()) {
			return ResponseEntity.badRequest().body(invalidNote(invalid.get()));
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
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
		ProblemDetail problem = Problems.withError(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", given + " is not accepted here; send " + accepted), HttpHeaders.CONTENT_TYPE);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(tooLarge(new NoteTooLargeException(NoteFiles.FIELD, this.limits.maxNoteSize())));
	}

	@Override
	protected String fieldAtFault(Exception ex) {
		return (ex instanceof MultipartException) ? NoteFiles.FIELD : super.fieldAtFault(ex);
	}

}
