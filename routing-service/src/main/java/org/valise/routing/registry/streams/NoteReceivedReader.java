package org.valise.routing.registry.streams;

import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.platform.kafka.DeadLetters;
import org.valise.platform.kafka.RecordText;
import org.valise.platform.tracing.RecordTraces;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.registry.RoutingCommand;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what reaches the registry: each {@code notes.received.v1} value as a {@link NoteReceived}, each
 * {@code routing.commands.v1} value as a {@link RoutingCommand}. A record that is not UTF-8 JSON, breaks the
 * contract's schema (e.g. has no {@code noteId}), or whose key is not its note id, goes no further: it goes to the
 * dead-letter topic, in the same transaction, with headers naming the error (never the body), and the next records
 * flow on.
 */
final class NoteReceivedReader implements FixedKeyProcessor<String, byte[], NoteReceivedReader.Admission> {

	private static final Logger log = LoggerFactory.getLogger(NoteReceivedReader.class);

	private final JsonMapper json;

	private final RecordTraces traces;

	private final boolean commands;

	private FixedKeyProcessorContext<String, Admission> context;

	/** @param commands whether it reads clerks' commands, else received notes */
	NoteReceivedReader(JsonMapper json, RecordTraces traces, boolean commands) {
		this.json = json;
		this.traces = traces;
		this.commands = commands;
	}

	/**
	 * What the desk receives (a note or a command), or the value of a record for the dead-letter topic.
	 *
	 * @param input the note or the command, or {@code null}
	 * @param deadLetter the original value of a refused record, or {@code null}
	 */
	record Admission(DeskInput input, byte[] deadLetter) {

		boolean refused() {
			return this.input == null;
		}

	}

	@Override
	public void init(FixedKeyProcessorContext<String, Admission> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, byte[]> record) {
		try (RecordTraces.Processing span = this.traces.processing(this.commands ? "read-command" : "read-note-received",
				record.headers())) {
			read(record);
		}
	}

	private void read(FixedKeyRecord<String, byte[]> received) {
		FixedKeyRecord<String, byte[]> record = received.withHeaders(DeadLetters.withOrigin(received.headers(),
				this.context.recordMetadata()
					.map(m -> new DeadLetters.Origin(m.topic(), m.partition(), m.offset(), received.timestamp()))
					.orElse(null)));
		if (record.value() == null) {
			refuse(record, "invalid-note", "the value is empty", null);
			return;
		}
		String text;
		try {
			text = RecordText.utf8(record.value());
		}
		catch (CharacterCodingException ex) {
			refuse(record, "not-utf8", "the value is not UTF-8 text", ex);
			return;
		}
		JsonNode tree;
		try {
			tree = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			refuse(record, "not-json", "the value is not JSON (" + ex.getClass().getSimpleName() + near(ex) + ")", ex);
			return;
		}
		if (this.commands) {
			command(record, tree);
			return;
		}
		Optional<String> problem = NoteReceivedChecks.problemIn(tree);
		if (problem.isPresent()) {
			refuse(record, "invalid-note", "the value breaks note-received.v1: " + problem.get(), null);
			return;
		}
		String noteId = tree.get("noteId").asString();
		if (!noteId.equals(record.key())) {
			refuse(record, "key-mismatch", "the record key is not its noteId " + noteId, null);
			return;
		}
		try {
			NoteReceived note = this.json.treeToValue(tree, NoteReceived.class);
			this.context.forward(record.withValue(new Admission(DeskInput.of(note), null)));
		}
		catch (JacksonException ex) {
			refuse(record, "invalid-note", "the value does not read as a NoteReceived" + near(ex), ex);
		}
	}

	private void command(FixedKeyRecord<String, byte[]> record, JsonNode tree) {
		try {
			RoutingCommand command = this.json.treeToValue(tree, RoutingCommand.class);
			if (command.commandId() == null || command.noteId() == null) {
				refuse(record, "invalid-command", "the command has no commandId or noteId", null);
				return;
			}
			this.context.forward(record.withValue(new Admission(DeskInput.of(command), null)));
		}
		catch (JacksonException ex) {
			refuse(record, "invalid-command", "the value does not read as a routing command" + near(ex), ex);
		}
	}

	private void refuse(FixedKeyRecord<String, byte[]> record, String error, String message, Throwable cause) {
		String position = this.context.recordMetadata()
			.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
			.orElse("?");
		log.warn("Dead-lettered record {} (key {}): {}", position, record.key(), message);
		DeadLetters.count(error);
		Headers headers = DeadLetters.headers(record.headers(), null, "reading", error, message, cause, 1,
				Instant.ofEpochMilli(this.context.currentSystemTimeMs()));
		this.context.forward(record.withValue(new Admission(null, record.value())).withHeaders(headers));
	}

	/** Where in the document, as " at line L, column C" (the location only, never the content). */
	private static String near(JacksonException ex) {
		return ex.getLocation() == null || ex.getLocation().getLineNr() < 1 ? ""
				: " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
	}

}
