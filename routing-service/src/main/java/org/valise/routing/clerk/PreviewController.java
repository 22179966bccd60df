package org.valise.routing.clerk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.valise.routing.note.NoteFields;
import org.valise.routing.registry.streams.AcknowledgementDeadlines;
import org.valise.routing.registry.DuplicateOf;
import org.valise.routing.registry.NoteRouted.RoutedCopy;
import org.valise.routing.registry.NoteRouted.RoutedOffice;
import org.valise.routing.registry.streams.RegistryQueries;
import org.valise.routing.registry.streams.RegistryUnavailableException;
import org.valise.routing.routing.Explanation;
import org.valise.routing.routing.Outcome;
import org.valise.routing.routing.Priority;
import org.valise.routing.routing.RoutingDecision;
import org.valise.routing.routing.RoutingPolicy;
import org.valise.routing.routing.RoutingPolicies;

/**
 * {@code POST /api/v1/routing/preview}: where the rules would send a note (NoteReceived-shaped: its {@code note}
 * fields and optional {@code text}), and whether it would be taken for a duplicate. Nothing is numbered or published.
 */
@RestController
@RequestMapping("/api/v1/routing")
class PreviewController {

	private final RoutingPolicies policies;

	private final RegistryQueries queries;

	private final AcknowledgementDeadlines deadlines;

	private final Clock clock;

	PreviewController(RoutingPolicies policies, RegistryQueries queries, AcknowledgementDeadlines deadlines,
			Clock clock) {
		this.policies = policies;
		this.queries = queries;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	@PostMapping("/preview")
	@ApiResponse(responseCode = "200", description = ClerkAnswers.PREVIEW)
	@ApiResponse(responseCode = "400", description = ClerkAnswers.INVALID)
	@ApiResponse(responseCode = "503", description = ClerkAnswers.UNAVAILABLE)
	Preview preview(@RequestBody PreviewRequest request) {
		if (request.note() == null) {
			throw new ClerkRequestException(HttpStatus.BAD_REQUEST, "invalid-note", "note",
					"note is required: the note's fields as in a NoteReceived event");
		}
		RoutingPolicy policy = this.policies.current();
		RoutingDecision decision = policy.decide(request.note(), request.text());
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		DuplicateOf duplicateOf;
		try {
			duplicateOf = this.queries.registeredAs(request.note().sender(), request.note().reference())
				.map((entry) -> entry.latest().asDuplicateOf())
				.orElse(null);
		}
		catch (RegistryUnavailableException ex) {
			duplicateOf = null;
		}
		return new Preview(decision.outcome(), RoutedOffice.of(decision.destination(), today),
				RoutedCopy.of(decision.copies(), today), decision.priority(),
				this.deadlines.deadline(decision.priority(), now), decision.explanation(), policy.ruleOrder(),
				duplicateOf);
	}

	/**
	 * A note to preview, shaped like a NoteReceived event (its other fields are ignored).
	 *
	 * @param note the note's fields
	 * @param text its raw text, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PreviewRequest(NoteFields note, String text) {
	}

	/**
	 * The decision the rules would take now.
	 *
	 * @param outcome routed or triage
	 * @param destination the office
	 * @param copies the copies
	 * @param priority the priority
	 * @param acknowledgementDeadline the deadline if it were routed now
	 * @param explanation the rule, a summary and the evidence
	 * @param rules the order the rules were tried in
	 * @param duplicateOf the registered note with the same sender and reference, which would make it a DUPLICATE
	 */
	record Preview(Outcome outcome, RoutedOffice destination, List<RoutedCopy> copies, Priority priority,
			Instant acknowledgementDeadline, Explanation explanation, List<String> rules, DuplicateOf duplicateOf) {
	}

}
