package org.valise.intake.note.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import org.valise.intake.note.IntakeLimits;
import org.valise.platform.security.CallerAuthentication;
import org.valise.platform.web.Problems;

/**
 * Holds each client to {@code valise.intake.rate-limit} on {@code POST /api/v1/notes}: beyond it, a 429 problem
 * with {@code Retry-After}, answered before the body is read, parsed or published. A servlet filter after Spring
 * Security's, so that the client is the authenticated caller (the same name as {@code Caller.name()}), and before
 * Spring MVC, so that a refused submission costs next to nothing. (A multipart body is parsed only later, by Spring
 * MVC; a text or JSON body is never read.)
 */
@Component
class SubmissionRateLimit extends OncePerRequestFilter {

	static final String PATH = "/api/v1/notes";

	private static final Logger logger = LoggerFactory.getLogger(SubmissionRateLimit.class);

	private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

	private final ClientRateLimits limits;

	private final LongSupplier nanoClock;

	private final Counter refused;

	@Autowired
	SubmissionRateLimit(IntakeLimits limits, MeterRegistry meters) {
		this(new ClientRateLimits(limits.rateLimit()), System::nanoTime, meters);
	}

	SubmissionRateLimit(ClientRateLimits limits, LongSupplier nanoClock, MeterRegistry meters) {
		this.limits = limits;
		this.nanoClock = nanoClock;
		this.refused = Counter.builder("valise.notes.rejected")
			.description("Submissions intake refused, by reason")
			.tag("reason", "rate-limited")
			.register(meters);
	}

	/** Only submissions; the path as Spring MVC and Spring Security match it (decoded, without ;parameters). */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod()) || !PATH.equals(PATHS.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = client();
		long wait = (client != null) ? this.limits.admit(client, this.nanoClock.getAsLong()) : 0;
		if (wait == 0) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
		this.refused.increment();
		logger.debug("Refused a submission of {}: over its rate limit for {} s", client, seconds);
		IntakeLimits.RateLimit settings = this.limits.settings();
		ProblemDetail problem = Problems.withError(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"Too many submissions", "this client has made more than " + settings.requests() + " submissions per "
						+ describe(settings.per()) + " (in bursts of up to " + settings.burst()
						+ "): submit again in " + seconds + " s"),
				"request");
		problem.setProperty("retryAfter", seconds);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		Problems.write(response, problem);
	}

	/** The authenticated caller's name, or {@code null} (then Spring Security has already refused the request). */
	private static String client() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof CallerAuthentication caller) {
			return caller.caller().name();
		}
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : null;
	}

	private static String describe(Duration per) {
		if (per.toSecondsPart() == 0 && per.toMillisPart() == 0 && per.toMinutes() > 0) {
			return (per.toMinutes() == 1) ? "minute" : per.toMinutes() + " minutes";
		}
		return per.toMillis() % 1000 == 0 ? per.toSeconds() + " s" : per.toMillis() + " ms";
	}

}
