package org.valise.platform.web;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says what is wrong with an unreadable JSON body in a client's terms: which field, what was expected and what was
 * found, or where the JSON breaks — in Valise's own words, never quoting the body (Jackson's messages quote values
 * and tokens, which may be the note's confidential text).
 */
public final class JsonProblems {

	/** A field name from the body is named in a problem only as far as it looks like one. */
	private static final int MAX_FIELD_NAME = 64;

	private JsonProblems() {
	}

	public static String describe(HttpMessageNotReadableException ex) {
		Optional<DatabindException> databind = binding(ex);
		if (databind.isPresent()) {
			return "field " + path(databind.get()) + ": " + reason(databind.get());
		}
		if (Problems.cause(ex, StreamConstraintsException.class).isPresent()) {
			return "malformed JSON: it exceeds what the service reads (nesting depth, length of a number, a string or a name)";
		}
		Optional<StreamReadException> reading = Problems.cause(ex, StreamReadException.class);
		if (reading.isPresent()) {
			StreamReadException syntax = reading.get();
			String where = (syntax.getLocation() != null) ? " at line " + syntax.getLocation().getLineNr() + ", column "
					+ syntax.getLocation().getColumnNr() : "";
			return "malformed JSON" + where + ": " + syntax(syntax);
		}
		Optional<MismatchedInputException> root = Problems.cause(ex, MismatchedInputException.class);
		if (root.isPresent() && String.valueOf(root.get().getOriginalMessage()).startsWith("Trailing token")) {
			return "malformed JSON: there is more after the JSON object; send one object";
		}
		if (root.isPresent()) {
			return "the body must be a JSON object with the fields of a note" + found(root.get().getCurrentToken());
		}
		return "the body is missing or is not valid for its content type";
	}

	public static Optional<String> field(HttpMessageNotReadableException ex) {
		Optional<String> field = binding(ex).map(JsonProblems::path);
		if (field.isPresent()) {
			return field;
		}
		return Problems.cause(ex, StreamReadException.class).map(JsonProblems::duplicate).filter((name) -> !name.isEmpty());
	}

	private static Optional<DatabindException> binding(HttpMessageNotReadableException ex) {
		return Problems.cause(ex, DatabindException.class).filter((binding) -> !binding.getPath().isEmpty());
	}

	private static String reason(DatabindException ex) {
		if (ex instanceof RefusedValue) {
			return ex.getOriginalMessage();
		}
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "is not a known field; the fields are " + known(unknown.getKnownPropertyIds());
		}
		if (ex instanceof InvalidFormatException invalid) {
			return "must be " + expected(invalid.getTargetType()) + found(invalid.getValue());
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return "must be " + expected(mismatched.getTargetType()) + found(mismatched.getCurrentToken());
		}
		if (ex instanceof ValueInstantiationException) {
			return "is not valid";
		}
		return "cannot be read as the field expects";
	}

	/** What a client must send for a Java type, in JSON's terms. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a JSON string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "a date as a JSON string in ISO 8601 form (yyyy-mm-dd)";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
			return "a JSON number";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a JSON array";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		return "a JSON object";
	}

	private static String found(JsonToken token) {
		if (token == null) {
			return "";
		}
		return switch (token) {
			case VALUE_STRING -> ", not a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", not a number";
			case VALUE_TRUE, VALUE_FALSE -> ", not a boolean";
			case START_ARRAY -> ", not an array";
			case START_OBJECT -> ", not an object";
			case VALUE_NULL -> ", not null";
			default -> "";
		};
	}

	/** The kind of value found, never the value. */
	private static String found(Object value) {
		if (value instanceof String text && text.isEmpty()) {
			return ", not an empty string";
		}
		if (value instanceof Number) {
			return ", not a number";
		}
		if (value instanceof Boolean) {
			return ", not a boolean";
		}
		return "";
	}

	/** What is wrong with the JSON itself, by the kind of error Jackson reports, without its quote of the input. */
	private static String syntax(StreamReadException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		if (message.startsWith("Duplicate Object property")) {
			return "a field appears twice";
		}
		if (message.startsWith("Unexpected end-of-input")) {
			return "it ends before the JSON value is complete";
		}
		if (message.startsWith("Illegal unquoted character")) {
			return "a control character in a string must be escaped";
		}
		if (message.contains("escape")) {
			return "a string has an invalid escape sequence";
		}
		if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) {
			return "it is not valid UTF-8";
		}
		if (message.startsWith("Unrecognized token")) {
			return "a value is neither a string, a number, an object, an array, true, false nor null";
		}
		if (message.contains("numeric value") || message.contains("Numeric value") || message.contains("number")) {
			return "a number is not a valid JSON number";
		}
		if (message.startsWith("Unexpected character")) {
			return "an unexpected character";
		}
		return "it is not valid JSON";
	}

	/** The name in Jackson's "Duplicate Object property \"sender\"", as a field name, or "". */
	private static String duplicate(StreamReadException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		String prefix = "Duplicate Object property \"";
		if (!message.startsWith(prefix)) {
			return "";
		}
		int end = message.indexOf('"', prefix.length());
		return (end < 0) ? "" : name(message.substring(prefix.length(), end));
	}

	private static String known(Collection<Object> ids) {
		return (ids == null) ? "listed in the API"
				: ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? name(reference.getPropertyName())
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	/** A field name as the client sent it, as far as it is a plain name: letters, digits, '_' and '-'. */
	private static String name(String sent) {
		String kept = sent.codePoints()
			.filter((c) -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))
			.limit(MAX_FIELD_NAME)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (kept.length() == sent.length()) ? kept : kept + "…";
	}

	/**
	 * A value a service's JSON reading refuses for a reason of its own, whose message says why without quoting the
	 * value: the problem gives that message as it is.
	 */
	public static class RefusedValue extends MismatchedInputException {

		public RefusedValue(JsonParser parser, String reason, Class<?> targetType) {
			super(parser, reason, targetType);
		}

	}

}
