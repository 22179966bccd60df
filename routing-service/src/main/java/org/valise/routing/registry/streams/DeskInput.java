package org.valise.routing.registry.streams;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.valise.routing.note.NoteReceived;
import org.valise.routing.registry.RoutingCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reaches the registry desk through the one-partition registry topic: a received note or a clerk's command.
 * On the wire a note is its NoteReceived JSON (as before commands existed, so records already in the topic still
 * read) and a command is {@code {"command": {...}}}.
 *
 * @param received the note, or {@code null}
 * @param command the command, or {@code null}
 */
record DeskInput(NoteReceived received, RoutingCommand command) {

	static DeskInput of(NoteReceived received) {
		return new DeskInput(received, null);
	}

	static DeskInput of(RoutingCommand command) {
		return new DeskInput(null, command);
	}

	/** The serde of the registry topic. */
	static Serde<DeskInput> serde(JsonMapper json) {
		Serializer<DeskInput> serializer = (topic, input) -> input == null ? null
				: json.writeValueAsBytes(input.command() != null ? Map.of("command", input.command()) : input.received());
		Deserializer<DeskInput> deserializer = (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			JsonNode tree = json.readTree(bytes);
			return tree.has("command") ? of(json.treeToValue(tree.get("command"), RoutingCommand.class))
					: of(json.treeToValue(tree, NoteReceived.class));
		};
		return Serdes.serdeFrom(serializer, deserializer);
	}

}
