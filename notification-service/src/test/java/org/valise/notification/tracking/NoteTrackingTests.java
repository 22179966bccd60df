package org.valise.notification.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteDeliveryFailed;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking state machine: receipt and routing in any order, revisions, duplicates, deliveries delivered, failed
 * and retried, escalation, and every legal and illegal acknowledgement (refused with a reason, nothing changed).
 */
class NoteTrackingTests {

	private static final NoteId NOTE = NoteId.of("0b9f6a52-5f7e-4a8e-9d3c-2f1d6c1e7a01");

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	private static final Office ODG = office("ODG", "Office of the Director General", "odg@iom.example.org");

	private static final Office TRIAGE = office("TRIAGE", "Registry triage", "triage@iom.example.org");

	private static final Office DPR = office("DPR", "Department of Policy and Research", "dpr@iom.example.org");

	private static final Office DDGO = office("DDGO", "Office of the DDG for Operations", "ddgo@iom.example.org");

	@ParameterizedTest(name = "{0} then {1} -> {2}")
	@CsvSource({ "RECEIVED, ROUTED, ROUTED", "ROUTED, RECEIVED, ROUTED", "RECEIVED, TRIAGE, TRIAGE",
			"TRIAGE, RECEIVED, TRIAGE", "RECEIVED, RECEIVED, RECEIVED" })
	void movesForwardWhateverTheOrderOfReceiptAndRouting(String first, String second, TrackingState expected) {
		NoteTracking tracking = apply(apply(NoteTracking.start(NOTE), first, "e-1", T0), second, "e-2",
				T0.plusSeconds(10));

		assertThat(tracking.state()).isEqualTo(expected);
		assertThat(tracking.timeline()).hasSize(2);
	}

	@Test
	void ignoresAnEventItHasAlreadySeen() {
		NoteTracking delivered = delivered();

		assertThat(delivered.received("e-received", T0, received(), null)).isSameAs(delivered);
		assertThat(delivered.routed("e-routed", T0, routed(ODG, "ROUTED", 1), null)).isSameAs(delivered);
		assertThat(DeliveryChanges.delivered(delivered, "e-delivered", 1, deliveredEvent("d-email"))).isSameAs(delivered);
	}

	@Test
	void followsTheReferenceNoteFromReceiptToAcknowledgement() {
		NoteTracking tracking = acknowledged(delivered(), "ODG", "e-ack", null);

		assertThat(tracking.state()).isEqualTo(TrackingState.ACKNOWLEDGED);
		assertThat(tracking.registryNumber()).isEqualTo("IN/2026/000001");
		assertThat(tracking.destination().id()).isEqualTo("ODG");
		assertThat(tracking.revision()).isEqualTo(1);
		assertThat(tracking.explanation().rule()).isEqualTo("highest-destination");
		assertThat(tracking.note().reference()).isEqualTo("2021/01/105");
		assertThat(tracking.deliveries()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivery.address()).isEqualTo("odg@iom.example.org");
		});
		assertThat(tracking.acknowledgements()).singleElement()
			.satisfies((ack) -> assertThat(ack.acknowledgedBy()).isEqualTo("Chef de Cabinet"));
		assertThat(tracking.nextEscalationAt()).isNull();
		assertThat(tracking.timeline()).extracting(TimelineEntry::event)
			.containsExactly(Fact.RECEIVED, Fact.ROUTED, Fact.DELIVERED, Fact.ACKNOWLEDGED);
	}

	@Test
	void keepsTheTimelineInOrderOfFactsWhenEventsArriveOutOfOrder() {
		NoteTracking tracking = NoteTracking.start(NOTE)
			.routed("e-routed", T0.plusSeconds(10), routed(ODG, "ROUTED", 1), null)
			.received("e-received", T0, received(), null);

		assertThat(tracking.state()).isEqualTo(TrackingState.ROUTED);
		assertThat(tracking.timeline()).extracting(TimelineEntry::event)
			.containsExactly(Fact.RECEIVED, Fact.ROUTED);
		assertThat(tracking.timeline().get(0).detail()).endsWith("(arrived while ROUTED: state unchanged)");
	}

	@Test
	void putsTheFirstRoutingInForceWithItsDeadline() {
		NoteTracking tracking = NoteTracking.start(NOTE).routed("e-routed", T0, routed(ODG, "ROUTED", 1), "trace-1");

		assertThat(tracking.routingEventId()).isEqualTo("e-routed");
		assertThat(tracking.traceId()).isEqualTo("trace-1");
		assertThat(tracking.acknowledgementDeadline()).isEqualTo(T0.plusSeconds(86400));
		assertThat(tracking.nextEscalationAt()).isEqualTo(T0.plusSeconds(86400));
		assertThat(tracking.revisions()).singleElement().satisfies((r) -> assertThat(r.destination()).isEqualTo("ODG"));
	}

	@Test
	void reroutesFromTriageToTheOfficeAClerkChoseAndSupersedesThePendingDelivery() {
		NoteTracking triaged = scheduled(NoteTracking.start(NOTE).routed("e-triage", T0, routed(TRIAGE, "TRIAGE", 1),
				null), "d-triage");

		NoteTracking tracking = triaged.routed("e-rerouted", T0.plusSeconds(30), routed(ODG, "ROUTED", 1), null);

		assertThat(tracking.state()).isEqualTo(TrackingState.ROUTED);
		assertThat(tracking.destination().id()).isEqualTo("ODG");
		assertThat(tracking.routingEventId()).isEqualTo("e-rerouted");
		assertThat(tracking.delivery("d-triage").status()).isEqualTo(DeliveryStatus.SUPERSEDED);
	}

	@Test
	void keepsTheRoutingInForceWhenALateRoutingOfTheSameRevisionArrivesAfterDelivery() {
		NoteTracking tracking = delivered().routed("e-late", T0.plusSeconds(50), routed(TRIAGE, "TRIAGE", 1), null);

		assertThat(tracking.state()).isEqualTo(TrackingState.DELIVERED);
		assertThat(tracking.destination().id()).isEqualTo("ODG");
		assertThat(tracking.routingEventId()).isEqualTo("e-routed");
		assertThat(tracking.timeline().get(tracking.timeline().size() - 1).detail())
			.endsWith("(arrived while DELIVERED: state unchanged)");
	}

	@Test
	void startsANewCycleForTheNewOfficeOnAHigherRevision() {
		NoteTracking before = scheduled(delivered(), "d-second");

		NoteTracking tracking = before.routed("e-rev2", T0.plusSeconds(60), routed(DPR, "ROUTED", 2), null);

		assertThat(tracking.state()).isEqualTo(TrackingState.ROUTED);
		assertThat(tracking.revision()).isEqualTo(2);
		assertThat(tracking.destination().id()).isEqualTo("DPR");
		assertThat(tracking.decidedBy()).isEqualTo("clerk.dupont");
		assertThat(tracking.delivery("d-email").status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(tracking.delivery("d-second").status()).isEqualTo(DeliveryStatus.SUPERSEDED);
		assertThat(tracking.revisions()).extracting(Revision::destination).containsExactly("ODG", "DPR");
		assertThat(AcknowledgementDesk.refusal(tracking, "DPR", null, null).detail()).isEqualTo("it has not been delivered yet");
		assertThat(AcknowledgementDesk.refusal(tracking, "ODG", null, null).outcome()).isEqualTo("FORBIDDEN");
	}

	@Test
	void ignoresARevisionOlderThanTheOneInForce() {
		NoteTracking rev2 = delivered().routed("e-rev2", T0.plusSeconds(60), routed(DPR, "ROUTED", 2), null);

		NoteTracking tracking = rev2.routed("e-rev1-again", T0.plusSeconds(70), routed(TRIAGE, "TRIAGE", 1), null);

		assertThat(tracking.destination().id()).isEqualTo("DPR");
		assertThat(tracking.revision()).isEqualTo(2);
		assertThat(tracking.timeline().get(tracking.timeline().size() - 1).detail())
			.endsWith("(revision 1 superseded by revision 2: ignored)");
	}

	@Test
	void recordsADuplicateWithoutAwaitingAnything() {
		NoteRouted duplicate = new NoteRouted(NOTE.value(), "IN/2026/000007", T0, T0, "DUPLICATE", ODG, List.of(), "NORMAL",
				T0.plusSeconds(86400), null, T0, fields(),
				new NoteRouted.DuplicateOf(UUID.randomUUID(), "IN/2026/000001"), 1, "rules", null);

		NoteTracking tracking = NoteTracking.start(NOTE).routed("e-dup", T0, duplicate, null);

		assertThat(tracking.state()).isEqualTo(TrackingState.DUPLICATE);
		assertThat(tracking.duplicateOf().registryNumber()).isEqualTo("IN/2026/000001");
		assertThat(tracking.acknowledgementDeadline()).isNull();
		assertThat(tracking.nextEscalationAt()).isNull();
		assertThat(tracking.overdue(T0.plusSeconds(999_999))).isFalse();
		assertThat(AcknowledgementDesk.refusal(tracking, "ODG", null, null).detail())
			.isEqualTo("it is a duplicate of note IN/2026/000001; acknowledge that one");
	}

	@Test
	void keepsRoutingAndDeliveriesWhenTheSameSubmissionIsRegisteredAgain() {
		NoteTracking routed = scheduled(NoteTracking.start(NOTE).routed("e-routed", T0, routed(ODG, "ROUTED", 1), null),
				"d-email");
		NoteRouted retry = new NoteRouted(NOTE.value(), "IN/2026/000007", T0, T0, "DUPLICATE", ODG, List.of(), "NORMAL",
				T0.plusSeconds(86400), null, T0, fields(), new NoteRouted.DuplicateOf(NOTE.value(), "IN/2026/000007"), 1,
				"rules", null);

		NoteTracking tracking = routed.routed("e-retry", T0.plusSeconds(1), retry, null);

		assertThat(tracking.state()).isEqualTo(TrackingState.ROUTED);
		assertThat(tracking.duplicateOf()).isNull();
		assertThat(tracking.deliveries()).isEqualTo(routed.deliveries());
		assertThat(tracking.acknowledgementDeadline()).isEqualTo(routed.acknowledgementDeadline());
		assertThat(tracking.timeline().get(tracking.timeline().size() - 1).detail()).contains("retried");
	}

	@Test
	void refusesAnAcknowledgementBeforeRoutingOrDelivery() {
		NoteTracking received = NoteTracking.start(NOTE).received("e-received", T0, received(), null);
		NoteTracking routed = scheduled(received.routed("e-routed", T0, routed(ODG, "ROUTED", 1), null), "d-email");

		assertThat(AcknowledgementDesk.refusal(received, "ODG", null, null).detail()).isEqualTo("it has not been routed yet");
		assertThat(AcknowledgementDesk.refusal(routed, "ODG", null, null))
			.satisfies((refusal) -> assertThat(refusal.outcome()).isEqualTo("CONFLICT"))
			.satisfies((refusal) -> assertThat(refusal.detail()).isEqualTo("it has not been delivered yet"));
	}

	@Test
	void refusesAnotherOfficeASecondAcknowledgementAndAUsedLink() {
		NoteTracking delivered = delivered();
		NoteTracking acknowledged = acknowledged(delivered, "ODG", "e-ack", "token-1");

		assertThat(AcknowledgementDesk.refusal(delivered, "DPR", "DDGO", null))
			.satisfies((refusal) -> assertThat(refusal.outcome()).isEqualTo("FORBIDDEN"))
			.satisfies((refusal) -> assertThat(refusal.allowedOffices()).containsExactly("ODG"));
		assertThat(AcknowledgementDesk.refusal(delivered, "odg", null, null)).isNull();
		assertThat(AcknowledgementDesk.refusal(acknowledged, "ODG", null, null).detail())
			.startsWith("it has already been acknowledged for ODG by Chef de Cabinet");
		assertThat(AcknowledgementDesk.refusal(acknowledged, "ODG", null, "token-1").outcome()).isEqualTo("GONE");
	}

	@Test
	void letsTheDeputyAndTheOfficesEscalatedToAcknowledgeAfterEscalation() {
		NoteTracking delivered = delivered();
		NoteTracking escalated = delivered.escalated("e-esc-1", escalation(1, DDGO, null));

		assertThat(AcknowledgementDesk.refusal(delivered, "DDGMR", "DDGMR", null).outcome()).isEqualTo("FORBIDDEN");
		assertThat(escalated.state()).isEqualTo(TrackingState.ESCALATED);
		assertThat(escalated.acknowledgers("DDGMR")).containsExactly("ODG", "DDGMR", "DDGO");
		assertThat(AcknowledgementDesk.refusal(escalated, "DDGO", "DDGMR", null)).isNull();
		assertThat(acknowledged(escalated, "DDGO", "e-ack", null).state()).isEqualTo(TrackingState.ACKNOWLEDGED);
	}

	@Test
	void recordsEachEscalationLevelAndWhenTheNextIsDue() {
		NoteTracking level1 = delivered().escalated("e-esc-1", escalation(1, DDGO, T0.plusSeconds(200)));
		NoteTracking level2 = level1.escalated("e-esc-2", escalation(2, ODG, null));

		assertThat(level1.nextEscalationAt()).isEqualTo(T0.plusSeconds(200));
		assertThat(level2.currentEscalations()).extracting(Escalation::level).containsExactly(1, 2);
		assertThat(level2.nextEscalationAt()).isNull();
		assertThat(level2.escalated("e-esc-2", escalation(2, ODG, null))).isSameAs(level2);
		assertThat(level2.overdue(T0.plusSeconds(86401))).isTrue();
	}

	@Test
	void failsOnlyWhenNoDeliveryOfTheNoteIsLeftAndComesBackOnRetry() {
		NoteTracking routed = scheduled(scheduled(NoteTracking.start(NOTE).routed("e-routed", T0,
				routed(ODG, "ROUTED", 1), null), "d-email"), "d-webhook");

		NoteTracking oneFailed = DeliveryChanges.failed(DeliveryChanges.attemptFailed(routed, "d-email", 2, "SMTP down"), "e-f1",
				failed("d-email"));
		NoteTracking bothFailed = DeliveryChanges.failed(oneFailed, "e-f2", failed("d-webhook"));
		NoteTracking retried = DeliveryChanges.retried(bothFailed, "c-retry", "d-webhook", "operator", T0.plusSeconds(90));

		assertThat(oneFailed.state()).isEqualTo(TrackingState.ROUTED);
		assertThat(oneFailed.delivery("d-email").attempts()).isEqualTo(3);
		assertThat(bothFailed.state()).isEqualTo(TrackingState.FAILED);
		assertThat(retried.state()).isEqualTo(TrackingState.ROUTED);
		assertThat(retried.delivery("d-webhook").status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(retried.delivery("d-webhook").attempts()).isZero();
		assertThat(DeliveryChanges.delivered(retried, "e-d", 1, deliveredEvent("d-webhook")).state())
			.isEqualTo(TrackingState.DELIVERED);
	}

	@Test
	void survivesAJsonRoundTripAsTheStoreKeepsIt() {
		JsonMapper json = JsonMapper.builder().build();
		NoteTracking tracking = acknowledged(delivered().escalated("e-esc", escalation(1, DDGO, null)), "ODG", "e-ack",
				"t");

		NoteTracking read = json.readValue(json.writeValueAsBytes(tracking), NoteTracking.class);

		assertThat(read).isEqualTo(tracking);
	}

	/** Received at T0, routed to ODG at T0+10 s, delivered by e-mail (d-email) at T0+20 s. */
	private static NoteTracking delivered() {
		NoteTracking routed = NoteTracking.start(NOTE)
			.received("e-received", T0, received(), null)
			.routed("e-routed", T0.plusSeconds(10), routed(ODG, "ROUTED", 1), null);
		return DeliveryChanges.delivered(scheduled(routed, "d-email"), "e-delivered", 1, deliveredEvent("d-email"));
	}

	private static NoteTracking scheduled(NoteTracking tracking, String deliveryId) {
		return DeliveryChanges.scheduled(tracking, List.of(new Delivery(deliveryId, tracking.revision(),
				Purpose.NOTE, 0, tracking.destination().id(), "email", tracking.destination().channels().get(0)
					.address(), DeliveryStatus.PENDING, 0, null, null, null)));
	}

	private static NoteTracking acknowledged(NoteTracking tracking, String office, String eventId, String tokenId) {
		return tracking.acknowledged(eventId, new Acknowledgement(office, "Chef de Cabinet", T0.plusSeconds(40), null,
				tracking.revision(), (tokenId != null) ? "link" : "api", tokenId));
	}

	private static NoteTracking apply(NoteTracking tracking, String event, String eventId, Instant at) {
		return switch (event) {
			case "RECEIVED" -> tracking.received(eventId, at, received(), null);
			case "ROUTED" -> tracking.routed(eventId, at, routed(ODG, "ROUTED", 1), null);
			case "TRIAGE" -> tracking.routed(eventId, at, routed(TRIAGE, "TRIAGE", 1), null);
			default -> throw new IllegalArgumentException(event);
		};
	}

	private static NoteReceived received() {
		return new NoteReceived(NOTE.value(), T0, "text", null, null, "registry-clerk", fields(), "text");
	}

	private static NoteRouted routed(Office destination, String outcome, int revision) {
		return new NoteRouted(NOTE.value(), "IN/2026/000001", T0.plusSeconds(10), T0.plusSeconds(10), outcome, destination,
				List.of(new NoteRouted.Copy(DPR, "INFORMATION")), "HIGH", T0.plusSeconds(86400),
				new NoteRouted.Explanation("TRIAGE".equals(outcome) ? "no-rule" : "highest-destination",
						"The note asks for its highest destination.", List.of("conveyed to its highest destination")),
				T0, fields(), null, revision, (revision > 1) ? "clerk.dupont" : "rules",
				(revision > 1) ? "wrong office" : null);
	}

	private static NoteDelivered deliveredEvent(String deliveryId) {
		return new NoteDelivered(NOTE.value(), "IN/2026/000001", deliveryId, ODG, "email", "odg@iom.example.org",
				T0.plusSeconds(20), "NOTE");
	}

	private static NoteDeliveryFailed failed(String deliveryId) {
		return new NoteDeliveryFailed(NOTE.value(), "IN/2026/000001", deliveryId, ODG, "email", "odg@iom.example.org",
				"NOTE", 3, "HTTP 503", false, T0.plusSeconds(60));
	}

	private static Escalation escalation(int level, Office to, Instant next) {
		return new Escalation(level, 1, to, T0.plusSeconds(86400), T0.plusSeconds(86400 + level), next);
	}

	private static NoteFields fields() {
		return new NoteFields("note_verbale", "en", "2021/01/105", null, null, "Geneva", "Permanent Mission of Cambodia",
				"IOM", "Director General", List.of(), null, true, false, List.of("Latin", "Khmer"), null, null);
	}

	private static Office office(String id, String name, String email) {
		return new Office(id, name, null, null, List.of(new Office.Channel("email", email)));
	}

}
