package org.valise.routing.registry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.routing.note.NoteReceived;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each {@code notes.received.v1} value as a {@link NoteReceived}. A record that is not UTF-8 JSON, breaks the
 * contract's schema (e.g. has no {@code noteId}) or whose key is not its note id is admitted no further: it goes to
 * the dead-letter topic, in the same transaction, with headers naming the error (never the body), and the next
 * records flow on.
 */
final class NoteReceivedReader implements FixedKeyProcessor<String, byte[], NoteReceivedReader.Admission> {

	private static final Logger log = LoggerFactory.getLogger(NoteReceivedReader.class);

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final NoteTraces traces;

	private FixedKeyProcessorContext<String, Admission> context;

	NoteReceivedReader(JsonMapper json, Clock clock, MeterRegistry meters, NoteTraces traces) {
		this.json = json;
		this.clock = clock;
		this.meters = meters;
		this.traces = traces;
	}

	/**
	 * A note admitted to the registry, or the value of a record for the dead-letter topic.
	 *
	 * @param note the note, or {@code null}
	 * @param deadLetter the original value of a rejected record, or {@code null}
	 */
	record Admission(NoteReceived note, byte[] deadLetter) {

		boolean rejected() {
			return this.note == null;
		}

	}

	@Override
	public void init(FixedKeyProcessorContext<String, Admission> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<String, byte[]> record) {
		try (NoteTraces.Processing span = this.traces.processing("read-note-received", record.headers())) {
			read(record);
		}
	}

	private void read(FixedKeyRecord<String, byte[]> record) {
		Headers headers = this.context.recordMetadata()
			.map(origin -> DeadLetters.withOrigin(record.headers(), origin, record.timestamp()))
			.orElse(record.headers());
		FixedKeyRecord<String, byte[]> located = record.withHeaders(headers);
		if (record.value() == null) {
			reject(located, "invalid-note", "the value is empty", null);
			return;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(record.value()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			reject(located, "not-utf8", "the value is not UTF-8 text", ex);
			return;
		}
		JsonNode tree;
		try {
			tree = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			reject(located, "not-json", "the value is not JSON (" + ex.getClass().getSimpleName() + near(ex) + ")", ex);
			return;
		}
		Optional<String> problem = NoteReceivedChecks.problemIn(tree);
		if (problem.isPresent()) {
			reject(located, "invalid-note", "the value breaks note-received.v1: " + problem.get(), null);
			return;
		}
		String noteId = tree.get("noteId").asString();
		if (!noteId.equals(record.key())) {
			reject(located, "key-mismatch", "the record key is not its noteId " + noteId, null);
			return;
		}
		try {
			this.context.forward(located.withValue(new Admission(this.json.treeToValue(tree, NoteReceived.class), null)));
		}
		catch (JacksonException ex) {
			reject(located, "invalid-note", "the value does not read as a NoteReceived" + near(ex), ex);
		}
	}

	private void reject(FixedKeyRecord<String, byte[]> record, String error, String message, Throwable cause) {
		String position = this.context.recordMetadata()
			.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
			.orElse("?");
		log.warn("Dead-lettered record {} (key {}): {}", position, record.key(), message);
		Counter.builder("valise.notes.dead_lettered")
			.description("Records sent to a dead-letter topic, by error")
			.tag("error", error)
			.register(this.meters)
			.increment();
		this.context.forward(record.withValue(new Admission(null, record.value()))
			.withHeaders(DeadLetters.of(record.headers(), error, message, cause, 1, this.clock.instant())));
	}

	/** Where in the document, as " at line L, column C" (the location only, never the content). */
	private static String near(JacksonException ex) {
		return ex.getLocation() == null || ex.getLocation().getLineNr() < 1 ? ""
				: " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
	}

}
