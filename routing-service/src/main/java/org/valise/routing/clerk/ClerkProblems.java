package org.valise.routing.clerk;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.valise.routing.registry.streams.RegistryUnavailableException;
import org.valise.routing.registry.streams.RoutingCommands.CommandNotSentException;
import tools.jackson.databind.DatabindException;

/** Turns every refusal of a clerk's request into an RFC 9457 problem naming the field at fault, without a stack trace. */
@RestControllerAdvice
class ClerkProblems extends ResponseEntityExceptionHandler {

	private static final String TYPE_BASE = "https://valise.org/problems/";

	@ExceptionHandler(ClerkRequestException.class)
	ResponseEntity<ProblemDetail> refused(ClerkRequestException ex) {
		ProblemDetail problem = problem(ex.status(), ex.type(), ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "reason", ex.getMessage())));
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(RegistryUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(RegistryUnavailableException ex) {
		String detail = ex.owner() == null ? "The registry cannot answer now: " + ex.getMessage() + ". Retry shortly."
				: "The registry desk runs on " + ex.owner().host() + ":" + ex.owner().port() + "; ask there.";
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", detail));
	}

	@ExceptionHandler(CommandNotSentException.class)
	ResponseEntity<ProblemDetail> notSent(CommandNotSentException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable",
					"Kafka did not acknowledge the routing command, so nothing was decided. Send it again later."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Optional<DatabindException> binding = cause(ex, DatabindException.class).filter(b -> !b.getPath().isEmpty());
		String field = binding.map(ClerkProblems::path).orElse(null);
		String detail = field == null ? "the body is missing or is not valid JSON"
				: "field " + field + " has a value of the wrong type or an unknown constant";
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", detail);
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "reason", detail)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	private static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() != cause ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}
