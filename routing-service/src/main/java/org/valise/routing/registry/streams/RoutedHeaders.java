package org.valise.routing.registry.streams;

import org.apache.kafka.common.header.Headers;
import org.valise.platform.events.CloudEventHeaders;
import org.valise.routing.registry.NoteRouted;
import org.valise.routing.registry.RoutingCommand;

/**
 * The CloudEvents attributes of what routing writes: NoteRouted events ({@code org.valise.note.routed.v1}, schema
 * {@code note-routed.v1.schema.json}) and clerks' commands on the internal commands topic.
 */
final class RoutedHeaders {

	static final String ROUTED_TYPE = "org.valise.note.routed.v1";

	/** Type of the internal routing commands (not part of the published contract). */
	static final String COMMAND_TYPE = "org.valise.routing.command.v1";

	private final CloudEventHeaders events;

	RoutedHeaders(CloudEventHeaders events) {
		this.events = events;
	}

	/**
	 * The headers of a NoteRouted event. Its id is derived from the decision and from what caused it (the received
	 * event's id, or the clerk's command id), so that the same event re-sent keeps its id.
	 */
	Headers routed(NoteRouted routed, String cause, String traceId) {
		String id = CloudEventHeaders.stableId(ROUTED_TYPE, routed.noteId(), routed.registryNumber(),
				String.valueOf(routed.revision()), routed.outcome().name(), cause);
		return this.events.headers(id, ROUTED_TYPE, routed.noteId(), routed.routedAt(), "note-routed.v1.schema.json",
				traceId);
	}

	/** The headers of a clerk's routing command. */
	Headers command(RoutingCommand command, String traceId) {
		return this.events.headers(command.commandId(), COMMAND_TYPE, command.noteId(), command.requestedAt(), null,
				traceId);
	}

}
