package org.valise.notification.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.valise.platform.web.Problems;

/**
 * The API's refusals, as exceptions Spring MVC renders as RFC 9457 problem details.
 */
public final class ApiProblems {

	private ApiProblems() {
	}

	/** 404: no event of this note has been seen. */
	public static ErrorResponseException noteNotFound(UUID noteId) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "note-not-found", "Note not found",
				"No note " + noteId + " is known to notification-service");
		problem.setProperty("noteId", noteId);
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	/** 401: no bearer token, or one no office holds. */
	public static ErrorResponseException unauthenticated(String reason) {
		ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", reason);
		Problems.withError(problem, HttpHeaders.AUTHORIZATION, reason);
		ErrorResponseException ex = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		ex.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"valise\"");
		return ex;
	}

	/**
	 * 403: the authenticated office may not acknowledge the note: it is neither the destination office nor, after an
	 * escalation, the destination's deputy or an office escalated to.
	 * @param allowedOffices the offices that may, the destination first
	 */
	public static ErrorResponseException notDestinationOffice(UUID noteId, String office, List<String> allowedOffices) {
		String destination = allowedOffices.isEmpty() ? null : allowedOffices.get(0);
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "not-destination-office", "Not the destination office",
				"Office " + office + " may not acknowledge note " + noteId + ": only "
						+ ((allowedOffices.size() > 1) ? "one of " + String.join(", ", allowedOffices)
								: "its destination office " + destination)
						+ " may");
		problem.setProperty("office", office);
		problem.setProperty("destinationOffice", destination);
		problem.setProperty("allowedOffices", allowedOffices);
		return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
	}

	/** 404: the note has no such delivery. */
	public static ErrorResponseException deliveryNotFound(UUID noteId, String deliveryId) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found",
				"Note " + noteId + " has no delivery " + deliveryId);
		problem.setProperty("noteId", noteId);
		problem.setProperty("deliveryId", deliveryId);
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	/** 400: a query parameter is out of range. */
	public static ErrorResponseException invalidParameter(String field, String reason) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				field + " " + reason);
		Problems.withError(problem, field, reason);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/** 403: an acknowledgement link that is malformed or whose signature does not verify. */
	public static ErrorResponseException invalidLink(String reason) {
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "invalid-link", "Invalid acknowledgement link", reason);
		Problems.withError(problem, "token", reason);
		return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
	}

	/** 410: an acknowledgement link that expired or was already used. */
	public static ErrorResponseException linkGone(String type, String reason) {
		ProblemDetail problem = problem(HttpStatus.GONE, type, "Acknowledgement link no longer valid", reason);
		Problems.withError(problem, "token", reason);
		return new ErrorResponseException(HttpStatus.GONE, problem, null);
	}

	/** 409: the note is not in the state the operation needs. */
	public static ErrorResponseException wrongState(UUID noteId, String state, String expected, String reason) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "wrong-state", "Note not in state " + expected,
				"Note " + noteId + " is " + state + ": " + reason);
		problem.setProperty("state", state);
		problem.setProperty("expectedState", expected);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.of(status, type, title, detail);
	}

}
