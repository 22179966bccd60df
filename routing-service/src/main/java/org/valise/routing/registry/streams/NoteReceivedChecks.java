package org.valise.routing.registry.streams;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The structural rules of {@code note-received.v1.schema.json} (and {@code note-fields.v1}) that the registry relies
 * on, checked on the JSON tree before binding: required keys, JSON types, enums, UUID and date formats. A broken
 * rule is named by its field, never by its value.
 */
final class NoteReceivedChecks {

	/** The keys {@code note-received.v1} requires. */
	static final List<String> RECEIVED_REQUIRED = List.of("noteId", "receivedAt", "format", "note");

	/** The keys {@code note-fields.v1} requires. */
	static final List<String> FIELDS_REQUIRED = List.of("docType", "language", "reference", "inReplyTo", "date",
			"place", "sender", "recipient", "recipientHead", "enclosures", "requestedAction", "highestDestination",
			"confidential", "scripts");

	private static final Set<String> FORMATS = Set.of("text", "json", "file");

	private static final Set<String> DOC_TYPES = Set.of("note_verbale", "letter", "other");

	private static final List<String> NULLABLE_TEXT = List.of("language", "reference", "inReplyTo", "place", "sender",
			"recipient", "recipientHead", "requestedAction", "subject");

	private static final List<String> ENCLOSURE_REQUIRED = List.of("title", "author", "addressee");

	private NoteReceivedChecks() {
	}

	/** The first rule the document breaks, as a sentence naming the field; empty when it keeps them all. */
	static Optional<String> problemIn(JsonNode received) {
		if (!received.isObject()) {
			return Optional.of("the value is not a JSON object");
		}
		Optional<String> missing = missing(received, RECEIVED_REQUIRED, "");
		if (missing.isPresent()) {
			return missing;
		}
		if (!isUuid(received.get("noteId"))) {
			return Optional.of("field noteId is not a UUID");
		}
		if (!isDateTime(received.get("receivedAt"))) {
			return Optional.of("field receivedAt is not an RFC 3339 date-time");
		}
		if (!received.get("format").isString() || !FORMATS.contains(received.get("format").asString())) {
			return Optional.of("field format is not one of " + FORMATS);
		}
		for (String key : List.of("fileName", "idempotencyKey", "submittedBy", "text")) {
			if (received.has(key) && !isNullOr(received.get(key), JsonNode::isString)) {
				return Optional.of("field " + key + " is neither a string nor null");
			}
		}
		return fieldsProblem(received.get("note"));
	}

	private static Optional<String> fieldsProblem(JsonNode note) {
		if (!note.isObject()) {
			return Optional.of("field note is not an object");
		}
		Optional<String> missing = missing(note, FIELDS_REQUIRED, "note.");
		if (missing.isPresent()) {
			return missing;
		}
		if (!note.get("docType").isString() || !DOC_TYPES.contains(note.get("docType").asString())) {
			return Optional.of("field note.docType is not one of " + DOC_TYPES);
		}
		for (String key : NULLABLE_TEXT) {
			if (note.has(key) && !isNullOr(note.get(key), JsonNode::isString)) {
				return Optional.of("field note." + key + " is neither a string nor null");
			}
		}
		if (!isNullOr(note.get("date"), NoteReceivedChecks::isDate)) {
			return Optional.of("field note.date is neither an ISO date nor null");
		}
		for (String key : List.of("highestDestination", "confidential")) {
			if (!note.get(key).isBoolean()) {
				return Optional.of("field note." + key + " is not a boolean");
			}
		}
		if (!note.get("scripts").isArray() || !note.get("scripts").valueStream().allMatch(JsonNode::isString)) {
			return Optional.of("field note.scripts is not an array of strings");
		}
		return enclosuresProblem(note.get("enclosures")).or(() -> evidenceProblem(note.get("evidence")));
	}

	private static Optional<String> enclosuresProblem(JsonNode enclosures) {
		if (!enclosures.isArray()) {
			return Optional.of("field note.enclosures is not an array");
		}
		for (int i = 0; i < enclosures.size(); i++) {
			JsonNode enclosure = enclosures.get(i);
			String at = "note.enclosures[" + i + "]";
			if (!enclosure.isObject()) {
				return Optional.of("field " + at + " is not an object");
			}
			Optional<String> missing = missing(enclosure, ENCLOSURE_REQUIRED, at + ".");
			if (missing.isPresent()) {
				return missing;
			}
			for (String key : ENCLOSURE_REQUIRED) {
				if (!isNullOr(enclosure.get(key), JsonNode::isString)) {
					return Optional.of("field " + at + "." + key + " is neither a string nor null");
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> evidenceProblem(JsonNode evidence) {
		if (evidence == null) {
			return Optional.empty();
		}
		if (!evidence.isObject()) {
			return Optional.of("field note.evidence is not an object");
		}
		for (Map.Entry<String, JsonNode> span : evidence.properties()) {
			JsonNode value = span.getValue();
			boolean valid = value.isObject() && value.path("start").isIntegralNumber()
					&& value.path("start").asInt() >= 0 && value.path("end").isIntegralNumber()
					&& value.path("end").asInt() >= 0 && value.path("text").isString();
			if (!valid) {
				return Optional.of("field note.evidence." + span.getKey() + " is not a span {start, end, text}");
			}
		}
		return Optional.empty();
	}

	private static Optional<String> missing(JsonNode object, List<String> required, String prefix) {
		return required.stream().filter(key -> !object.has(key)).findFirst()
			.map(key -> "required field " + prefix + key + " is missing");
	}

	private static boolean isNullOr(JsonNode node, java.util.function.Predicate<JsonNode> test) {
		return node == null || node.isNull() || test.test(node);
	}

	private static boolean isUuid(JsonNode node) {
		if (!node.isString()) {
			return false;
		}
		try {
			return UUID.fromString(node.asString()).toString().equalsIgnoreCase(node.asString());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isDateTime(JsonNode node) {
		try {
			return node.isString() && OffsetDateTime.parse(node.asString()) != null;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isDate(JsonNode node) {
		try {
			return node.isString() && LocalDate.parse(node.asString()) != null;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
