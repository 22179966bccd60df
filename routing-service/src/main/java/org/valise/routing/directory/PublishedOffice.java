package org.valise.routing.directory;

import java.time.LocalDate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An office as {@code directory.v1} carries it (schema {@code directory-office.v1.schema.json}): what other services
 * need of it (names, hierarchy, holders, channels, clearance) and the version of the directory it was written from,
 * never what only routing uses (aliases, keywords, reference prefixes, rank).
 */
final class PublishedOffice {

	static final String DIRECTORY_VERSION = "directoryVersion";

	/** A mapper of its own, so that the published format never follows the application's Jackson settings. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PublishedOffice() {
	}

	/** The record value of the office, written from the directory of that version (SHA-256 hex of its file). */
	static String json(Office office, String directoryVersion) {
		ObjectNode value = JSON.createObjectNode();
		value.put("id", office.id());
		value.put("name", office.name());
		value.put("headTitle", office.headTitle());
		value.put("parent", office.parent());
		value.put("deputy", office.deputy());
		ArrayNode holders = value.putArray("holders");
		for (Holder holder : office.holders()) {
			holders.addObject()
				.put("name", holder.name())
				.put("from", iso(holder.from()))
				.put("until", iso(holder.until()));
		}
		ArrayNode channels = value.putArray("channels");
		for (Channel channel : office.channels()) {
			channels.addObject().put("type", channel.type()).put("address", channel.address());
		}
		value.put("confidentialClearance", office.clearedForConfidential());
		value.put(DIRECTORY_VERSION, directoryVersion);
		return JSON.writeValueAsString(value);
	}

	/**
	 * Whether two values describe the same office, whatever directory version each was written from (an office the
	 * new file left as it was is not published again). A value that is not a JSON object is never the same.
	 */
	static boolean sameOffice(String published, String current) {
		JsonNode before = withoutVersion(published);
		return before != null && before.equals(withoutVersion(current));
	}

	private static JsonNode withoutVersion(String value) {
		try {
			JsonNode node = JSON.readTree(value);
			if (!(node instanceof ObjectNode object)) {
				return null;
			}
			object.remove(DIRECTORY_VERSION);
			return object;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String iso(LocalDate day) {
		return (day != null) ? day.toString() : null;
	}

}
