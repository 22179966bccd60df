package org.valise.routing.registry;

import org.apache.kafka.streams.kstream.ValueMapperWithKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads clerks' commands from the internal commands topic; one that cannot be read is logged and skipped. */
final class RoutingCommandReader implements ValueMapperWithKey<String, byte[], DeskInput> {

	private static final Logger log = LoggerFactory.getLogger(RoutingCommandReader.class);

	private final JsonMapper json;

	RoutingCommandReader(JsonMapper json) {
		this.json = json;
	}

	@Override
	public DeskInput apply(String noteId, byte[] value) {
		try {
			RoutingCommand command = value == null ? null : this.json.readValue(value, RoutingCommand.class);
			if (command == null || command.commandId() == null || command.noteId() == null) {
				log.error("Skipped a routing command for note {}: it has no command id or note id", noteId);
				return null;
			}
			return DeskInput.of(command);
		}
		catch (JacksonException ex) {
			log.error("Skipped a routing command for note {}: it cannot be read ({})", noteId,
					ex.getClass().getSimpleName());
			return null;
		}
	}

}
