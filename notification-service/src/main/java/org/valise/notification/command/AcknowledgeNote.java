package org.valise.notification.command;

import java.time.Instant;
import java.util.UUID;

/**
 * An office asks to acknowledge a note; the tracking topology decides (destination or deputy, delivered, not yet
 * acknowledged, link not used) and answers with a {@link CommandResult}.
 *
 * @param commandId the command's id (also the reply's correlation id)
 * @param noteId the note
 * @param office the authenticated office (by bearer token or signed link)
 * @param acknowledgedBy who acknowledges for the office
 * @param comment optional comment
 * @param via api or link
 * @param tokenId the signed link's id when acknowledged by link, else null
 * @param requestedAt when the request came in
 */
public record AcknowledgeNote(String commandId, UUID noteId, String office, String acknowledgedBy, String comment,
		String via, String tokenId, Instant requestedAt) {

	/** Acknowledged through the API with an office's bearer token. */
	public static final String VIA_API = "api";

	/** Acknowledged with a signed one-click link. */
	public static final String VIA_LINK = "link";

}
