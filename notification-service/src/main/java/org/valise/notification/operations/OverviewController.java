package org.valise.notification.operations;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.valise.notification.tracking.web.PeerReads;
import org.valise.platform.security.Caller;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/overview}: what the operator page shows at a glance, over the notes the caller may see on every
 * instance — notes per state, the triage queue, the
 * notes awaiting acknowledgement with the time left or over, the facts of the last hour. Read-only, computed from the
 * tracking views (at most once a second).
 */
@RestController
class OverviewController {

	private final OperatorOverview overview;

	private final PeerReads peers;

	OverviewController(OperatorOverview overview, PeerReads peers) {
		this.overview = overview;
		this.peers = peers;
	}

	/** The overview of every instance's notes (each instance's part merged; a part asked for answers its own). */
	@GetMapping("/api/v1/overview")
	ResponseEntity<Overviews.Overview> overview(Caller caller, HttpServletRequest request) {
		Overviews.Overview own = this.overview.current(caller);
		if (PeerReads.isPart(request)) {
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(own);
		}
		List<Overviews.Overview> parts = new ArrayList<>(this.peers.parts(request, "/api/v1/overview",
				Overviews.Overview.class));
		parts.add(0, own);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Overviews.merge(parts));
	}

}
