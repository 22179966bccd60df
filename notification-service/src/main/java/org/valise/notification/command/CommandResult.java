package org.valise.notification.command;

import java.time.Instant;
import java.util.UUID;

/**
 * The tracking topology's decision on a command, published in the same transaction as the facts it records (or
 * {@link #PENDING} when the caller stopped waiting).
 *
 * @param commandId the command
 * @param noteId the note
 * @param outcome ACCEPTED, PENDING, NOT_FOUND, CONFLICT, FORBIDDEN or GONE
 * @param registryNumber the note's registry number, when known
 * @param state the note's state after the decision, when known
 * @param detail why, in a sentence, for a refusal
 * @param office the office that acted
 * @param allowedOffices for FORBIDDEN, the offices that may
 * @param acknowledgedBy who acknowledged (for an accepted acknowledgement)
 * @param at when the fact happened
 * @param comment the acknowledgement's comment
 * @param eventId the {@code ce_id} of the event recorded, if any
 */
public record CommandResult(String commandId, UUID noteId, String outcome, String registryNumber, String state,
		String detail, String office, String allowedOffices, String acknowledgedBy, Instant at, String comment,
		String eventId) {

	public static final String ACCEPTED = "ACCEPTED";

	public static final String PENDING = "PENDING";

	public static final String NOT_FOUND = "NOT_FOUND";

	public static final String CONFLICT = "CONFLICT";

	public static final String FORBIDDEN = "FORBIDDEN";

	public static final String GONE = "GONE";

	/** The caller stopped waiting: the command was recorded and will be decided. */
	public static CommandResult pending(String commandId, UUID noteId) {
		return new CommandResult(commandId, noteId, PENDING, null, null,
				"The command is recorded; its decision will show in the note's tracking view", null, null, null, null,
				null, null);
	}

	/** A refusal. */
	public static CommandResult refused(String commandId, UUID noteId, String outcome, String registryNumber,
			String state, String detail) {
		return new CommandResult(commandId, noteId, outcome, registryNumber, state, detail, null, null, null, null,
				null, null);
	}

}
