package org.valise.notification.tracking.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Serves each note's tracking view ({@code GET /api/v1/notes/{noteId}}; a note held by another instance is answered
 * by it, see NoteOwnerFilter) and the search over them ({@code GET /api/v1/notes?state=&office=&overdue=&q=&page=&size=},
 * every instance's part merged), each to a caller as far as it may see the note ({@link NoteAccess}).
 */
@RestController
@RequestMapping("/api/v1/notes")
class NoteTrackingController {

	private static final int MAX_SIZE = 100;

	/** The deepest a search may go: (page + 1) × size notes from each instance. */
	private static final int MAX_DEPTH = 10_000;

	private static final int MAX_QUERY = 200;

	private static final Comparator<NoteSummary> NEWEST_FIRST = Comparator
		.comparing(NoteSummary::receivedAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing((summary) -> summary.noteId().toString());

	private final TrackingQueries trackings;

	private final PeerReads peers;

	private final Clock clock;

	NoteTrackingController(TrackingQueries trackings, PeerReads peers, Clock clock) {
		this.trackings = trackings;
		this.peers = peers;
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
		NoteTracking tracking = this.trackings.find(noteId).orElseThrow(() -> ApiProblems.noteNotFound(noteId.value()));
		NoteAccess access = NoteAccess.of(caller, tracking.audience());
		if (access == NoteAccess.NONE) {
			throw ApiProblems.noteNotFound(noteId.value());
		}
		return NoteView.of(tracking, access);
	}

	/**
	 * One page of the notes the caller may see that match the search, most recently received first; what the caller
	 * may not read of a note is left out of its summary. Asked as another instance's part (header
	 * {@code X-Valise-Scope: local}), it answers from this instance's notes only.
	 */
	@GetMapping
	@ApiResponse(responseCode = "200", description = "The notes the caller may see, newest first, one page")
	@ApiResponse(responseCode = "400", description = "A page, size or query out of bounds (errors name it)")
	@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge, or the tracking view is not "
			+ "available right now (starting, rebalancing); retry later")
	NotePage search(@RequestParam(required = false) TrackingState state, @RequestParam(required = false) String office,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Caller caller,
			HttpServletRequest request) {
		boolean part = PeerReads.isPart(request);
		if (page < 0) {
			throw ApiProblems.invalidParameter("page", "must be 0 or more");
		}
		if (size < 1 || size > (part ? MAX_DEPTH : MAX_SIZE)) {
			throw ApiProblems.invalidParameter("size", "must be between 1 and " + MAX_SIZE);
		}
		if ((long) (page + 1) * size > MAX_DEPTH) {
			throw ApiProblems.invalidParameter("page", "must be at most " + (MAX_DEPTH / size - 1) + " for this size");
		}
		if (q != null && q.length() > MAX_QUERY) {
			throw ApiProblems.invalidParameter("q", "must be at most " + MAX_QUERY + " characters");
		}
		NoteSearch search = new NoteSearch(state, office, overdue, q, page, size);
		int depth = (page + 1) * size;
		List<NoteSummary> items = new ArrayList<>(local(search, caller, this.clock.instant()));
		long total = items.size();
		if (!part) {
			String query = UriComponentsBuilder.fromPath("/api/v1/notes")
				.queryParamIfPresent("state", java.util.Optional.ofNullable(state))
				.queryParamIfPresent("office", java.util.Optional.ofNullable(office))
				.queryParamIfPresent("overdue", java.util.Optional.ofNullable(overdue))
				.queryParamIfPresent("q", java.util.Optional.ofNullable(q))
				.queryParam("page", 0)
				.queryParam("size", depth)
				.encode()
				.toUriString();
			for (NotePage peer : this.peers.parts(request, query, NotePage.class)) {
				items.addAll(peer.items());
				total += peer.totalItems();
			}
		}
		items.sort(NEWEST_FIRST);
		int from = (int) Math.min((long) page * size, items.size());
		int to = Math.min(from + size, items.size());
		return new NotePage(List.copyOf(items.subList(from, to)), page, size, total,
				(int) ((total + size - 1) / size));
	}

	/** The summaries of every note of this instance the caller may see that match, newest first. */
	private List<NoteSummary> local(NoteSearch search, Caller caller, Instant now) {
		return this.trackings.all()
			.stream()
			.filter((t) -> {
				NoteAccess access = NoteAccess.of(caller, t.audience());
				return access != NoteAccess.NONE && search.matches(t, access, now);
			})
			.map((t) -> NoteSummary.of(t, NoteAccess.of(caller, t.audience()), now))
			.sorted(NEWEST_FIRST)
			.toList();
	}

}
