package org.valise.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every refusal a Valise service gives: an RFC 9457 problem ({@link ProblemDetail}) whose type is
 * {@code https://valise.org/problems/<type>}, naming the field at fault and why in {@code errors[{field, reason}]}.
 */
public final class Problems {

	/** Where problem types live. */
	public static final String TYPE_BASE = "https://valise.org/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** A problem of that status and type, with a title and a detail for the client. */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/** The same problem, naming the field at fault (the reason is its detail). */
	public static ProblemDetail withError(ProblemDetail problem, String field) {
		problem.setProperty("errors", List.of(Map.of("field", field, "reason", String.valueOf(problem.getDetail()))));
		return problem;
	}

	/** The first cause of the given type in an exception's chain. */
	public static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

	/** The same problem, naming the field at fault and why. */
	public static ProblemDetail withError(ProblemDetail problem, String field, String reason) {
		problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
		return problem;
	}

	/** Writes a problem as the response (outside Spring MVC: filters, security entry points). */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), members(problem));
	}

	/** The members of a problem as RFC 9457 lays them out: the standard ones, then its extensions at the same level. */
	static Map<String, Object> members(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", problem.getType().toString());
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			members.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

}
