package org.valise.routing.clerk;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.valise.platform.security.Caller;
import org.valise.routing.clerk.ClerkSecurity.ClerkApi;
import org.valise.routing.registry.CommandOutcome;
import org.valise.routing.registry.Decision;
import org.valise.routing.registry.ManualRouting;
import org.valise.routing.registry.NoteHistory;
import org.valise.routing.registry.NoteRouted;
import org.valise.routing.registry.streams.RegistryQueries;
import org.valise.routing.registry.RoutingCommand;
import org.valise.routing.registry.RoutingCommand.RequestedCopy;
import org.valise.routing.registry.streams.RoutingCommands;
import org.valise.routing.registry.TriageEntry;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.RoutingPolicies;

/**
 * The registry clerks' desk: {@code GET /api/v1/triage} (notes waiting for a clerk), {@code GET} and {@code POST
 * /api/v1/notes/{noteId}/routing} (a note's decisions; route it by hand or reroute it: a new revision, published by
 * the registry topology).
 */
@RestController
@RequestMapping("/api/v1")
class NoteRoutingController {

	private final RegistryQueries queries;

	private final RoutingCommands commands;

	private final RoutingPolicies policies;

	private final ClerkApi api;

	private final Clock clock;

	NoteRoutingController(RegistryQueries queries, RoutingCommands commands, RoutingPolicies policies, ClerkApi api,
			Clock clock) {
		this.queries = queries;
		this.commands = commands;
		this.policies = policies;
		this.api = api;
		this.clock = clock;
	}

	@GetMapping("/triage")
	@ApiResponse(responseCode = "200", description = ClerkAnswers.TRIAGE)
	@ApiResponse(responseCode = "503", description = ClerkAnswers.UNAVAILABLE)
	List<TriageEntry> triage(Caller caller) {
		return this.queries.triage().stream().map(entry -> ClerkViews.triage(entry, caller)).toList();
	}

	@GetMapping("/notes/{noteId}/routing")
	@ApiResponse(responseCode = "200", description = ClerkAnswers.HISTORY)
	@ApiResponse(responseCode = "404", description = ClerkAnswers.UNKNOWN_NOTE)
	@ApiResponse(responseCode = "503", description = ClerkAnswers.UNAVAILABLE)
	NoteHistory history(@PathVariable String noteId, Caller caller) {
		return this.queries.history(noteId)
			.map(history -> ClerkViews.history(history, caller))
			.orElseThrow(() -> ClerkRequestException.unknownNote(noteId));
	}

	@PostMapping("/notes/{noteId}/routing")
	@ApiResponse(responseCode = "200", description = ClerkAnswers.APPLIED)
	@ApiResponse(responseCode = "202", description = ClerkAnswers.PENDING)
	@ApiResponse(responseCode = "400", description = ClerkAnswers.INVALID)
	@ApiResponse(responseCode = "404", description = ClerkAnswers.UNKNOWN_NOTE)
	@ApiResponse(responseCode = "409", description = ClerkAnswers.DUPLICATE)
	@ApiResponse(responseCode = "503", description = ClerkAnswers.UNAVAILABLE)
	ResponseEntity<RoutingResult> route(@PathVariable String noteId, @RequestBody RoutingRequest request,
			Caller clerk) {
		NoteRouted inForce = this.queries.inForce(noteId).orElseThrow(() -> ClerkRequestException.unknownNote(noteId));
		if (inForce.outcome() == Outcome.DUPLICATE) {
			throw new ClerkRequestException(HttpStatus.CONFLICT, "duplicate-note", "noteId", "note " + noteId
					+ " is a duplicate of note " + inForce.duplicateOf().noteId() + " ("
					+ inForce.duplicateOf().registryNumber() + "); route that note instead");
		}
		ManualRouting.problemWith(request.officeId(), request.copies(), request.reason(),
				this.policies.current().directory(), inForce.note().confidential())
			.ifPresent(problem -> {
				throw new ClerkRequestException(HttpStatus.BAD_REQUEST, "invalid-routing", problem.field(),
						problem.detail());
			});
		RoutingCommand command = new RoutingCommand(UUID.randomUUID().toString(), noteId, request.officeId().strip(),
				request.copies(), request.reason().strip(), clerk.name(), this.clock.instant());
		Optional<CommandOutcome> outcome = this.commands.send(command, this.api.commandTimeout());
		URI history = URI.create("/api/v1/notes/" + noteId + "/routing");
		if (outcome.isEmpty()) {
			return ResponseEntity.accepted()
				.location(history)
				.body(new RoutingResult(command.commandId(), noteId, inForce.registryNumber(), "PENDING", null));
		}
		return switch (outcome.get().status()) {
			case APPLIED -> ResponseEntity.ok()
				.location(history)
				.body(new RoutingResult(command.commandId(), noteId, inForce.registryNumber(), "APPLIED",
						decision(noteId, outcome.get().revision())));
			case UNKNOWN_NOTE -> throw ClerkRequestException.unknownNote(noteId);
			case DUPLICATE -> throw new ClerkRequestException(HttpStatus.CONFLICT, "duplicate-note", "noteId",
					outcome.get().detail());
			case INVALID -> throw new ClerkRequestException(HttpStatus.BAD_REQUEST, "invalid-routing",
					outcome.get().field(), outcome.get().detail());
		};
	}

	private Decision decision(String noteId, int revision) {
		return this.queries.history(noteId)
			.flatMap(history -> history.decisions().stream().filter(d -> d.revision() == revision).reduce((a, b) -> b))
			.orElse(null);
	}

	/**
	 * A clerk's decision.
	 *
	 * @param officeId the destination office's id
	 * @param reason why
	 * @param copies the copies, or {@code null} to keep those in force
	 */
	record RoutingRequest(String officeId, String reason, List<RequestedCopy> copies) {
	}

	/**
	 * What became of it.
	 *
	 * @param commandId the command sent to the registry desk
	 * @param noteId the note
	 * @param registryNumber its registry number
	 * @param status APPLIED, or PENDING when the desk has not carried it out yet (see the history)
	 * @param decision the new decision in force, once applied
	 */
	record RoutingResult(String commandId, String noteId, String registryNumber, String status, Decision decision) {
	}

}
