package org.valise.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample notes of {@code shared/notes} (found by walking up from the working directory, or at
 * {@code -Dvalise.notes.dir}) with the fields {@code expected.jsonl} says intake should extract, as the JSON of
 * NoteFields and NoteReceived.
 */
public final class SampleNotes {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> FIELD_NAMES = Map.of("doc_type", "docType", "in_reply_to", "inReplyTo",
			"recipient_head", "recipientHead", "requested_action", "requestedAction", "highest_destination",
			"highestDestination");

	private static final List<String> NOT_FIELDS = List.of("file", "route_to");

	/** One sample: its file, the office it should go to, its expected fields, its raw text. */
	public record Sample(String file, String routeTo, ObjectNode fields, String text) {
	}

	private SampleNotes() {
	}

	/** Every sample, in the order of {@code expected.jsonl}. */
	public static List<Sample> all() {
		Path dir = directory();
		List<Sample> samples = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(dir.resolve("expected.jsonl"), StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					JsonNode expected = JSON.readTree(line);
					String file = expected.get("file").asString();
					String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
					samples.add(new Sample(file, expected.get("route_to").asString(), fields(expected, text), text));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return samples;
	}

	/** The sample of that file. */
	public static Sample get(String file) {
		return all().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
	}

	/** A contract-valid NoteReceived body for a sample. */
	public static ObjectNode noteReceived(Sample sample, String noteId, Instant receivedAt) {
		ObjectNode body = JSON.createObjectNode();
		body.put("noteId", noteId);
		body.put("receivedAt", receivedAt.toString());
		body.put("format", "text");
		body.put("fileName", sample.file());
		body.putNull("idempotencyKey");
		body.put("submittedBy", "registry-test");
		body.set("note", sample.fields().deepCopy());
		body.put("text", sample.text());
		return body;
	}

	/** The expected fields as NoteFields JSON (camelCase keys, scripts read from the text, no evidence). */
	private static ObjectNode fields(JsonNode expected, String text) {
		ObjectNode fields = JSON.createObjectNode();
		for (var entry : expected.properties()) {
			if (!NOT_FIELDS.contains(entry.getKey())) {
				fields.set(FIELD_NAMES.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue());
			}
		}
		ArrayNode scripts = fields.putArray("scripts");
		scripts.add("Latin");
		if (text.codePoints().anyMatch(c -> c >= 0x1780 && c <= 0x17FF)) {
			scripts.add("Khmer");
		}
		if (text.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF)) {
			scripts.add("Arabic");
		}
		fields.putNull("subject");
		return fields;
	}

	/** The notes folder: {@code -Dvalise.notes.dir}, else the first {@code shared/notes} or {@code notes} upwards. */
	public static Path directory() {
		String configured = System.getProperty("valise.notes.dir");
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
			for (Path candidate : List.of(at.resolve("shared/notes"), at.resolve("notes"))) {
				if (Files.isRegularFile(candidate.resolve("expected.jsonl"))) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("No shared/notes/expected.jsonl above " + Path.of("").toAbsolutePath()
				+ " (set -Dvalise.notes.dir)");
	}

}
