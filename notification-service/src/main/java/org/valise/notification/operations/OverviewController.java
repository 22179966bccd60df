package org.valise.notification.operations;

import org.valise.platform.security.Caller;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/overview}: what the operator page shows at a glance, over the notes the caller may see — notes per state, the triage queue, the
 * notes awaiting acknowledgement with the time left or over, the facts of the last hour. Read-only, computed from the
 * tracking views (at most once a second).
 */
@RestController
class OverviewController {

	private final OperatorOverview overview;

	OverviewController(OperatorOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/api/v1/overview")
	ResponseEntity<Overviews.Overview> overview(Caller caller) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.overview.current(caller));
	}

}
