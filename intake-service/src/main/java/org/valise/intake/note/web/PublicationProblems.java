package org.valise.intake.note.web;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.errors.RecordTooLargeException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.valise.intake.kafka.BrokerProperties;
import org.valise.intake.kafka.BrokerUnavailableException;
import org.valise.intake.keys.KeysUnavailableException;
import org.valise.intake.note.IdempotencyKeyReusedException;
import org.valise.intake.note.PublicationFailedException;
import org.valise.platform.web.Problems;

/**
 * The refusals that come from publishing rather than from the note: an {@code Idempotency-Key} that names another
 * submission (422), and Kafka away or too slow (503 with {@code Retry-After}: nothing was published, the client submits
 * again, with the same key). Ahead of {@link IntakeProblems}, whose catch-all would take them otherwise.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicationProblems {

	private final MeterRegistry meters;

	private final Duration retryAfter;

	PublicationProblems(MeterRegistry meters, BrokerProperties broker) {
		this.meters = meters;
		this.retryAfter = broker.retryAfter();
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
		ProblemDetail problem = Problems.withError(problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"Idempotency-Key already used for another submission", ex.getMessage()), ex.field());
		problem.setProperty("firstUsedAt", ex.firstUsedAt().toString());
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@ExceptionHandler(BrokerUnavailableException.class)
	ResponseEntity<ProblemDetail> brokerAway(BrokerUnavailableException ex) {
		return unavailable(ex.retryAfter());
	}

	@ExceptionHandler(KeysUnavailableException.class)
	ResponseEntity<ProblemDetail> keysAway(KeysUnavailableException ex) {
		return unavailable(this.retryAfter);
	}

	@ExceptionHandler(PublicationFailedException.class)
	ResponseEntity<ProblemDetail> publicationFailed(PublicationFailedException ex) {
		if (Problems.cause(ex, RecordTooLargeException.class).isPresent()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Problems.withError(problem(HttpStatus.CONTENT_TOO_LARGE, "note-too-large", "Note too large",
						"the note with what was read of it is larger than the event log accepts for one event; "
								+ "nothing was published"), "body"));
		}
		return unavailable(this.retryAfter);
	}

	private ResponseEntity<ProblemDetail> unavailable(Duration retryAfter) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable",
				"Note not accepted: the event log is unavailable",
				"Kafka did not acknowledge the note, so it was not accepted and nothing was published. "
						+ "Submit it again later (with the same Idempotency-Key).");
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
			.body(problem);
	}

	private ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		Rejections.count(this.meters, type);
		return Problems.of(status, type, title, detail);
	}

}
