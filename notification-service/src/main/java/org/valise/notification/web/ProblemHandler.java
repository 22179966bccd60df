package org.valise.notification.web;

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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as a problem detail: the standard Spring MVC ones, with the offending field and reason for
 * bad input, plus 503 when Kafka or the tracking store is unavailable and a bare 500 for anything unexpected.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "the expected type";
		return badRequest(ex, headers, request, field, "must be a " + type);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "reason", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				String.join("; ", errors.stream().map((error) -> error.get("field") + " " + error.get("reason")).toList()));
		if (!errors.isEmpty()) {
			problem.setProperty("field", errors.get(0).get("field"));
			problem.setProperty("reason", errors.get(0).get("reason"));
		}
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, headers, request, "body", "must be a JSON object of the documented shape");
	}

	@ExceptionHandler(Unavailable.class)
	ResponseEntity<Object> unavailable(Unavailable ex, WebRequest request) {
		log.warn("Answering 503 to {}: {} ({})", request.getDescription(false), ex.getMessage(),
				String.valueOf(ex.getCause()));
		return unavailable(ex, request, ex.publicDetail());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error answering {}", request.getDescription(false), ex);
		ProblemDetail problem = ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Internal error", "The request could not be processed");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	private ResponseEntity<Object> badRequest(Exception ex, HttpHeaders headers, WebRequest request, String field,
			String reason) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				field + " " + reason);
		problem.setProperty("field", field);
		problem.setProperty("reason", reason);
		problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private ResponseEntity<Object> unavailable(Exception ex, WebRequest request, String detail) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				"Service unavailable", detail);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

}
