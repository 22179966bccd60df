package org.valise.notification.tracking.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteSearch;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.TrackingState;
import org.valise.notification.tracking.streams.TrackingQueries;
import org.valise.notification.web.ApiProblems;
import org.valise.platform.security.Caller;
import org.valise.platform.security.NoteAccess;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each note's tracking view ({@code GET /api/v1/notes/{noteId}}) and the search over them
 * ({@code GET /api/v1/notes?state=&office=&overdue=&q=&page=&size=}), each to a caller as far as it may see the note
 * ({@link NoteAccess}).
 */
@RestController
@RequestMapping("/api/v1/notes")
class NoteTrackingController {

	private static final int MAX_SIZE = 100;

	private static final int MAX_QUERY = 200;

	private final TrackingQueries trackings;

	private final Clock clock;

	NoteTrackingController(TrackingQueries trackings, Clock clock) {
		this.trackings = trackings;
		this.clock = clock;
	}

	/** The note as the caller may see it; 404 when it may not see it at all, as for a note that does not exist. */
	@GetMapping("/{noteId}")
	@ApiResponse(responseCode = "200", description = "The note as the caller may see it: registry facts, and its "
			+ "content where the caller may read it")
	@ApiResponse(responseCode = "404", description = "No such note, or one the caller may not see")
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge, or the tracking view is not "
			+ "available right now (starting, rebalancing); retry later")
	NoteView tracking(@PathVariable NoteId noteId, Caller caller) {
		NoteTracking tracking = this.trackings.find(noteId).orElseThrow(() -> ApiProblems.noteNotFound(noteId));
		NoteAccess access = NoteAccess.of(caller, tracking.audience());
		if (access == NoteAccess.NONE) {
			throw ApiProblems.noteNotFound(noteId);
		}
		return NoteView.of(tracking, access);
	}

	/**
	 * One page of the notes the caller may see that match the search, most recently received first; what the caller
	 * may not read of a note is left out of its summary.
	 */
	@GetMapping
	@ApiResponse(responseCode = "200", description = "The notes the caller may see, newest first, one page")
	@ApiResponse(responseCode = "400", description = "A page, size or query out of bounds (errors name it)")
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge, or the tracking view is not "
			+ "available right now (starting, rebalancing); retry later")
	NotePage search(@RequestParam(required = false) TrackingState state, @RequestParam(required = false) String office,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Caller caller) {
		if (page < 0) {
			throw ApiProblems.invalidParameter("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ApiProblems.invalidParameter("size", "must be between 1 and " + MAX_SIZE);
		}
		if (q != null && q.length() > MAX_QUERY) {
			throw ApiProblems.invalidParameter("q", "must be at most " + MAX_QUERY + " characters");
		}
		NoteSearch search = new NoteSearch(state, office, overdue, q, page, size);
		var now = this.clock.instant();
		List<NoteTracking> matches = this.trackings.all()
			.stream()
			.filter((t) -> {
				NoteAccess access = NoteAccess.of(caller, t.audience());
				return access != NoteAccess.NONE && search.matches(t, access, now);
			})
			.sorted(Comparator.comparing(NoteTrackingController::since, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing((t) -> t.noteId().toString()))
			.toList();
		int from = (int) Math.min((long) page * size, matches.size());
		int to = Math.min(from + size, matches.size());
		List<NoteSummary> items = matches.subList(from, to)
			.stream()
			.map((t) -> NoteSummary.of(t, NoteAccess.of(caller, t.audience()), now))
			.toList();
		return new NotePage(items, page, size, matches.size(), (matches.size() + size - 1) / size);
	}

	private static java.time.Instant since(NoteTracking tracking) {
		return (tracking.receivedAt() != null) ? tracking.receivedAt() : tracking.registeredAt();
	}

}
