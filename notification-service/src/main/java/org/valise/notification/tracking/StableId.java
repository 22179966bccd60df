package org.valise.notification.tracking;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based ids (UUID v3 of the parts joined by '|', as platform's CloudEventHeaders.stableId): the same fact
 * decided again, after a restart or on another instance, gets the same id, so readers de-duplicate it.
 */
public final class StableId {

	private StableId() {
	}

	public static String of(String kind, Object... parts) {
		StringBuilder name = new StringBuilder(kind);
		for (Object part : parts) {
			name.append('|').append(part);
		}
		return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
	}

}
