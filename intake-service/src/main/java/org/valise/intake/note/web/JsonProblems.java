package org.valise.intake.note.web;

import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says what is wrong with an unreadable JSON body in a client's terms: which field, what was expected, and
 * where — never the body itself.
 */
final class JsonProblems {

	private JsonProblems() {
	}

	static String describe(HttpMessageNotReadableException ex) {
		Optional<DatabindException> databind = cause(ex, DatabindException.class)
			.filter((binding) -> !binding.getPath().isEmpty());
		if (databind.isPresent()) {
			return "field " + path(databind.get()) + ": " + firstLine(databind.get().getOriginalMessage());
		}
		Optional<JacksonException> jackson = cause(ex, JacksonException.class)
			.filter((parsing) -> parsing.getLocation() != null);
		if (jackson.isPresent()) {
			return "malformed JSON at line " + jackson.get().getLocation().getLineNr() + ", column "
					+ jackson.get().getLocation().getColumnNr() + ": " + firstLine(jackson.get().getOriginalMessage());
		}
		return "the body is missing or is not valid for its content type";
	}

	static Optional<String> field(HttpMessageNotReadableException ex) {
		return cause(ex, DatabindException.class).filter((binding) -> !binding.getPath().isEmpty())
			.map(JsonProblems::path);
	}

	private static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

	/** Jackson's messages may quote the offending input on later lines; the first line says what is wrong. */
	private static String firstLine(String message) {
		int newline = (message != null) ? message.indexOf('\n') : -1;
		return (newline < 0) ? String.valueOf(message) : message.substring(0, newline);
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}
