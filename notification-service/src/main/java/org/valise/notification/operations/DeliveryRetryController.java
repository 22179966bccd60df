package org.valise.notification.operations;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.valise.notification.ValiseProperties;
import org.valise.notification.command.CommandResult;
import org.valise.notification.command.Commands;
import org.valise.notification.command.RetryDelivery;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.web.ApiProblems;
import org.valise.platform.security.Caller;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/notes/{noteId}/deliveries/{deliveryId}/retry} (an operator): puts a FAILED delivery back in
 * the outbox, due now, with a fresh set of attempts. 202 once the tracking topology accepted it (the tracking view at
 * Location shows the outcome); 404 for an unknown note or delivery; 409 for a delivery that is not FAILED.
 */
@RestController
@RequestMapping("/api/v1/notes")
class DeliveryRetryController {

	private final Commands commands;

	private final ValiseProperties.Acknowledgement settings;

	DeliveryRetryController(Commands commands, ValiseProperties properties) {
		this.commands = commands;
		this.settings = properties.acknowledgement();
	}

	@PostMapping("/{noteId}/deliveries/{deliveryId}/retry")
	@ApiResponse(responseCode = "202", description = "Accepted: the failed delivery is back in the outbox (RETRYING), "
			+ "or the command is recorded (PENDING)")
	@ApiResponse(responseCode = "404", description = "No such note, or no such delivery of it")
	@ApiResponse(responseCode = "409", description = "The delivery has not failed: only a failed delivery is retried")
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge, or the tracking view is not "
			+ "available right now (starting, rebalancing); retry later")
	ResponseEntity<RetryAccepted> retry(@PathVariable NoteId noteId, @PathVariable String deliveryId,
			Caller operator) {
		String commandId = UUID.randomUUID().toString();
		RetryDelivery command = new RetryDelivery(commandId, noteId.value(), deliveryId, operator.name(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		CommandResult result = this.commands.request(noteId.value(), Commands.RETRY_DELIVERY, commandId, command,
				this.settings.replyTimeout());
		return switch (result.outcome()) {
			case CommandResult.ACCEPTED, CommandResult.PENDING -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/notes/" + noteId))
				.body(new RetryAccepted(CommandResult.ACCEPTED.equals(result.outcome()) ? "RETRYING" : "PENDING",
						noteId.value(), deliveryId, result.registryNumber(), operator.name(), commandId));
			case CommandResult.NOT_FOUND -> throw (result.registryNumber() == null) ? ApiProblems.noteNotFound(noteId.value())
					: ApiProblems.deliveryNotFound(noteId.value(), deliveryId);
			default -> throw ApiProblems.wrongState(noteId.value(), result.state(), "FAILED", result.detail());
		};
	}

	/**
	 * Answer to a retry.
	 *
	 * @param status RETRYING (back in the outbox) or PENDING (the command is recorded, not yet decided)
	 * @param noteId the note
	 * @param deliveryId the delivery
	 * @param registryNumber the note's registry number
	 * @param requestedBy the operator
	 * @param commandId the command's id
	 */
	record RetryAccepted(String status, UUID noteId, String deliveryId, String registryNumber, String requestedBy,
			String commandId) {
	}

}
