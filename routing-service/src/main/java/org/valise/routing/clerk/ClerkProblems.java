package org.valise.routing.clerk;

import java.time.Duration;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.valise.platform.web.Problems;
import org.valise.platform.web.ValiseProblemHandler;
import org.valise.routing.registry.streams.RegistryUnavailableException;
import org.valise.routing.registry.streams.RoutingCommands.CommandNotSentException;

/** Turns every refusal of a clerk's request into an RFC 9457 problem naming the field at fault, without a stack trace. */
@RestControllerAdvice
class ClerkProblems extends ValiseProblemHandler {

	@ExceptionHandler(ClerkRequestException.class)
	ResponseEntity<ProblemDetail> refused(ClerkRequestException ex) {
		ProblemDetail problem = problem(ex.status(), ex.type(), ex.status().getReasonPhrase(), ex.getMessage());
		if (ex.field() != null) {
			Problems.withError(problem, ex.field());
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(RegistryUnavailableException.class)
	ResponseEntity<Object> unavailable(RegistryUnavailableException ex) {
		String detail = ex.owner() == null ? "The registry cannot answer now: " + ex.getMessage() + ". Retry shortly."
				: "The registry desk runs on " + ex.owner().host() + ":" + ex.owner().port() + "; ask there.";
		return unavailable("registry-unavailable", detail, Duration.ofSeconds(2));
	}

	@ExceptionHandler(CommandNotSentException.class)
	ResponseEntity<Object> notSent(CommandNotSentException ex) {
		return unavailable("broker-unavailable",
				"Kafka did not acknowledge the routing command, so nothing was decided. Send it again later.",
				Duration.ofSeconds(10));
	}

}
