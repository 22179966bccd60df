package org.valise.notification.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.valise.platform.security.NoteAccess;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.TrackingState;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorOverviewTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final Office ODG = new Office("ODG", "Office of the Director General", null, null, List.of());

	private static final Office TRIAGE = new Office("TRIAGE", "Registry triage", null, null, List.of());

	@Test
	void countsNotesByStateAndListsThoseAwaitingAcknowledgementEarliestDeadlineFirst() {
		NoteTracking overdue = routed("IN/2026/000001", ODG, "ROUTED", NOW.minus(Duration.ofMinutes(90)),
				NOW.minus(Duration.ofMinutes(30)));
		NoteTracking triaged = routed("IN/2026/000002", TRIAGE, "TRIAGE", NOW.minus(Duration.ofMinutes(10)),
				NOW.plus(Duration.ofDays(2)));
		NoteTracking duplicate = routed("IN/2026/000001", null, "DUPLICATE", NOW.minus(Duration.ofHours(3)), null);

		Overviews.Overview overview = Overviews.compute(List.of(triaged, duplicate, overdue), (t) -> NoteAccess.CONTENT, NOW);

		assertThat(overview.notes()).isEqualTo(3);
		assertThat(overview.inFlight()).isEqualTo(2);
		assertThat(overview.byState()).containsEntry(TrackingState.ROUTED, 1L)
			.containsEntry(TrackingState.TRIAGE, 1L)
			.containsEntry(TrackingState.DUPLICATE, 1L)
			.containsEntry(TrackingState.ACKNOWLEDGED, 0L)
			.hasSize(TrackingState.values().length);
		assertThat(overview.triage()).isEqualTo(1);
		assertThat(overview.overdue()).isEqualTo(1);
		assertThat(overview.overdueByOffice()).containsExactly(java.util.Map.entry("ODG", 1L));
		assertThat(overview.awaiting()).extracting(Overviews.Awaiting::registryNumber)
			.containsExactly("IN/2026/000001", "IN/2026/000002");
		assertThat(overview.awaiting().get(0).overdue()).isTrue();
		assertThat(overview.awaiting().get(0).secondsLeft()).isEqualTo(-1800);
		assertThat(overview.awaiting().get(1).secondsLeft()).isEqualTo(2 * 86400);
	}

	@Test
	void countsTheDeliveryBacklogByOfficeOfNotesRoutedButNotDelivered() {
		NoteTracking first = routed("IN/2026/000005", ODG, "ROUTED", NOW, NOW.plus(Duration.ofDays(1)));
		NoteTracking second = routed("IN/2026/000006", ODG, "ROUTED", NOW, NOW.plus(Duration.ofDays(1)));
		NoteTracking triaged = routed("IN/2026/000007", TRIAGE, "TRIAGE", NOW, NOW.plus(Duration.ofDays(2)));

		assertThat(Overviews.backlogByOffice(List.of(first, second, triaged)))
			.containsExactly(java.util.Map.entry("ODG", 2L));
	}

	@Test
	void showsTheLastHoursFlowNewestFirst() {
		NoteTracking old = routed("IN/2026/000003", ODG, "ROUTED", NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(1)));
		NoteTracking recent = routed("IN/2026/000004", ODG, "ROUTED", NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofDays(1)));

		Overviews.Overview overview = Overviews.compute(List.of(old, recent), (t) -> NoteAccess.CONTENT, NOW);

		assertThat(overview.lastHour()).containsEntry("ROUTED", 1L).containsEntry("ACKNOWLEDGED", 0L);
		assertThat(overview.recent()).extracting(Overviews.FlowEvent::registryNumber)
			.containsExactly("IN/2026/000004", "IN/2026/000003");
		assertThat(overview.recent().get(0).detail()).contains("routed to ODG");
	}

	@Test
	void mergesTheOverviewsOfSeveralInstancesAsOneOverTheirNotes() {
		NoteTracking overdue = routed("IN/2026/000001", ODG, "ROUTED", NOW.minus(Duration.ofMinutes(90)),
				NOW.minus(Duration.ofMinutes(30)));
		NoteTracking triaged = routed("IN/2026/000002", TRIAGE, "TRIAGE", NOW.minus(Duration.ofMinutes(10)),
				NOW.plus(Duration.ofDays(2)));
		NoteTracking later = routed("IN/2026/000003", ODG, "ROUTED", NOW.minus(Duration.ofMinutes(5)),
				NOW.plus(Duration.ofDays(1)));

		Overviews.Overview merged = Overviews.merge(List.of(
				Overviews.compute(List.of(triaged), (t) -> NoteAccess.CONTENT, NOW),
				Overviews.compute(List.of(later, overdue), (t) -> NoteAccess.CONTENT, NOW)));

		assertThat(merged).isEqualTo(Overviews.compute(List.of(triaged, later, overdue), (t) -> NoteAccess.CONTENT,
				NOW));
	}

	private static NoteTracking routed(String registryNumber, Office destination, String outcome, Instant at,
			Instant deadline) {
		UUID noteId = UUID.randomUUID();
		NoteRouted event = new NoteRouted(noteId, registryNumber, at, at, outcome, destination, List.of(), "NORMAL",
				deadline, new NoteRouted.Explanation("highest-destination", "For the head.", List.of()), at, null,
				"DUPLICATE".equals(outcome) ? new NoteRouted.DuplicateOf(UUID.randomUUID(), registryNumber) : null, 1,
				"rules", null);
		return NoteTracking.start(NoteId.of(noteId)).routed("e-" + noteId, at, event, null);
	}

}
