package org.valise.notification.acknowledgement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.valise.notification.ValiseProperties;
import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.Commands;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.web.ApiProblems;

import org.springframework.stereotype.Service;

/**
 * Asks the tracking topology to record an acknowledgement and waits for its decision (destination office or, after
 * escalation, its deputy or an office escalated to; delivered; not yet acknowledged; link not yet used). The decision
 * is taken by the one task that owns the note, from its current state: two acknowledgements racing on two instances
 * are decided one after the other, the second refused.
 */
@Service
class Acknowledgements {

	private final Commands commands;

	private final ValiseProperties.Acknowledgement settings;

	Acknowledgements(Commands commands, ValiseProperties properties) {
		this.commands = commands;
		this.settings = properties.acknowledgement();
	}

	/**
	 * @throws org.springframework.web.ErrorResponseException with the problem when refused
	 */
	AcknowledgementAccepted acknowledge(NoteId noteId, String office, String acknowledgedBy, String comment, String via,
			String tokenId) {
		String commandId = UUID.randomUUID().toString();
		AcknowledgeNote command = new AcknowledgeNote(commandId, noteId.value(), office, acknowledgedBy.strip(),
				blankToNull(comment), via, tokenId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		CommandResult result = this.commands.request(noteId.value(), Commands.ACKNOWLEDGE_NOTE, commandId, command,
				this.settings.replyTimeout());
		return switch (result.outcome()) {
			case CommandResult.ACCEPTED -> new AcknowledgementAccepted(AcknowledgementAccepted.ACKNOWLEDGED, noteId.value(),
					result.registryNumber(), result.office(), result.acknowledgedBy(), result.at(), result.comment(),
					result.eventId(), commandId);
			case CommandResult.PENDING -> new AcknowledgementAccepted(AcknowledgementAccepted.PENDING, noteId.value(), null,
					office, command.acknowledgedBy(), command.requestedAt(), command.comment(), null, commandId);
			case CommandResult.NOT_FOUND -> throw ApiProblems.noteNotFound(noteId.value());
			case CommandResult.FORBIDDEN -> throw ApiProblems.notDestinationOffice(noteId.value(), office, offices(result));
			case CommandResult.GONE -> throw ApiProblems.linkGone("link-used", result.detail());
			default -> throw ApiProblems.wrongState(noteId.value(), result.state(), "DELIVERED", result.detail());
		};
	}

	private static List<String> offices(CommandResult result) {
		return (result.allowedOffices() == null || result.allowedOffices().isBlank()) ? List.of()
				: Arrays.asList(result.allowedOffices().split(","));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
