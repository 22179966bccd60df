package org.valise.notification.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.valise.platform.web.ValiseProblemHandler;

/**
 * Renders every error as a problem detail: the standard Spring MVC ones, with the offending field and reason for
 * bad input, plus 503 when Kafka or the tracking store is unavailable and a bare 500 for anything unexpected.
 */
@RestControllerAdvice
class ProblemHandler extends ValiseProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(Unavailable.class)
	ResponseEntity<Object> unavailable(Unavailable ex, WebRequest request) {
		log.warn("Answering 503 to {}: {} ({})", request.getDescription(false), ex.getMessage(),
				String.valueOf(ex.getCause()));
		return unavailable("unavailable", ex.publicDetail(), Duration.ofSeconds(5));
	}

}
