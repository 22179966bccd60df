package org.valise.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.valise.samples.SampleNotes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's sample notes ({@link org.valise.samples.SampleNotes}) as routing receives them: the fields
 * {@code expected.jsonl} says intake should extract, as the JSON of NoteFields and NoteReceived.
 */
public final class SampleNoteEvents {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> FIELD_NAMES = Map.of("doc_type", "docType", "in_reply_to", "inReplyTo",
			"recipient_head", "recipientHead", "requested_action", "requestedAction", "highest_destination",
			"highestDestination");

	private static final List<String> NOT_FIELDS = List.of("file", "route_to", "scripts");

	/** One sample: its file, the office it should go to, its expected fields, its raw text, and whether it is of
	 * the regression set. */
	public record Sample(String file, String routeTo, ObjectNode fields, String text, boolean regression) {
	}

	private SampleNoteEvents() {
	}

	/** Every sample, in the order of {@code expected.jsonl}. */
	public static List<Sample> all() {
		return SampleNotes.all()
			.stream()
			.map(sample -> new Sample(sample.file(), sample.routeTo(), fields(sample.expected(), sample.text()),
					sample.text(), sample.regression()))
			.toList();
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

}
