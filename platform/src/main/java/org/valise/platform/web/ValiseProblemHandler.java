package org.valise.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one way a Valise service turns a refusal into an answer: every 4xx and 5xx an RFC 9457 problem of
 * {@link Problems}' shape ({@code type} under {@link Problems#TYPE_BASE}, {@code errors[{field, reason}]} naming what
 * is at fault), never a stack trace, never an echo of the request's content. Each service extends it with an
 * {@code @RestControllerAdvice} of its own for its own refusals; what Spring MVC itself refuses (an unreadable or
 * invalid body, a parameter of the wrong type, a missing header, a wrong method) is answered here the same way in
 * all three.
 */
public abstract class ValiseProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ValiseProblemHandler.class);

	/** The problem type of an invalid body or parameter ({@code invalid-request} unless a service names it). */
	protected String invalidRequestType() {
		return "invalid-request";
	}

	/** What a 500 tells the caller (nothing of the cause). */
	protected String unexpectedDetail() {
		return "The request could not be processed";
	}

	/** Told of every problem answered, by its type (a service counts its refusals here). */
	protected void answered(String type) {
	}

	/** A problem of that status and type, counted. */
	protected ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		answered(type);
		return Problems.of(status, type, title, detail);
	}

	/** A problem naming the field at fault, counted. */
	protected ProblemDetail refusal(HttpStatus status, String type, String title, String detail, String field) {
		return Problems.withError(problem(status, type, title, detail), field);
	}

	/** A 503: something the answer needs is away for a while; the caller may retry after the given time. */
	protected ResponseEntity<Object> unavailable(String type, String detail, Duration retryAfter) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, "Service unavailable", detail));
	}

	/** Anything unforeseen: logged with its stack trace here, answered without it. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Failed to answer {}", request.getDescription(false), ex);
		return ResponseEntity.internalServerError()
			.body(refusal(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", unexpectedDetail(),
					"request"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "reason", String.valueOf(error.getDefaultMessage())))
			.toList();
		String detail = String.join("; ",
				errors.stream().map((error) -> error.get("field") + " " + error.get("reason")).toList());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, invalidRequestType(), "Invalid request", detail);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		log.debug("Unreadable request body", ex);
		return ResponseEntity.badRequest()
			.body(refusal(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
					JsonProblems.describe(ex), JsonProblems.field(ex).orElse("body")));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "the expected type";
		String reason = "must be a " + type;
		ProblemDetail problem = refusal(HttpStatus.BAD_REQUEST, invalidRequestType(), "Invalid request",
				field + " " + reason, field);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Spring's own refusals (wrong method, missing part or header, …) also name what is at fault. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
			Problems.withError(problem, fieldAtFault(ex));
			answered(status.is4xxClientError() ? "request-refused" : "request-failed");
		}
		return response;
	}

	/** The part of the request Spring MVC refused. */
	protected String fieldAtFault(Exception ex) {
		return RefusedFields.of(ex);
	}

}
