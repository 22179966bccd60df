package org.valise.notification.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.valise.notification.event.NoteAcknowledged;
import org.valise.notification.event.NoteDelivered;
import org.valise.notification.event.NoteFields;
import org.valise.notification.event.NoteReceived;
import org.valise.notification.event.NoteRouted;
import org.valise.notification.event.Office;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking view's state machine: every transition, legal or late, repeated events and the timeline's order.
 */
class NoteTrackingTests {

	private static final UUID NOTE = UUID.fromString("0b9f6a52-5f7e-4a8e-9d3c-2f1d6c1e7a01");

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	private static final Office ODG = office("ODG", "Office of the Director General", "odg@iom.example.org");

	private static final Office TRIAGE = office("TRIAGE", "Registry triage", "triage@iom.example.org");

	private static final Office DPR = office("DPR", "Department of Peace and Recovery", "dpr@iom.example.org");

	@ParameterizedTest(name = "{0} + {1} -> {2}")
	@CsvSource({
			// from a new note, any first event sets its state
			"NONE, RECEIVED, RECEIVED", "NONE, ROUTED, ROUTED", "NONE, TRIAGE, TRIAGE", "NONE, DELIVERED, DELIVERED",
			"NONE, ACKNOWLEDGED, ACKNOWLEDGED",
			// forward moves
			"RECEIVED, RECEIVED, RECEIVED", "RECEIVED, ROUTED, ROUTED", "RECEIVED, TRIAGE, TRIAGE",
			"RECEIVED, DELIVERED, DELIVERED", "RECEIVED, ACKNOWLEDGED, ACKNOWLEDGED",
			// routed: late receipt kept out, rerouting sideways allowed
			"ROUTED, RECEIVED, ROUTED", "ROUTED, ROUTED, ROUTED", "ROUTED, TRIAGE, TRIAGE",
			"ROUTED, DELIVERED, DELIVERED", "ROUTED, ACKNOWLEDGED, ACKNOWLEDGED",
			"TRIAGE, RECEIVED, TRIAGE", "TRIAGE, ROUTED, ROUTED", "TRIAGE, TRIAGE, TRIAGE",
			"TRIAGE, DELIVERED, DELIVERED", "TRIAGE, ACKNOWLEDGED, ACKNOWLEDGED",
			// delivered: never back to received or routed
			"DELIVERED, RECEIVED, DELIVERED", "DELIVERED, ROUTED, DELIVERED", "DELIVERED, TRIAGE, DELIVERED",
			"DELIVERED, DELIVERED, DELIVERED", "DELIVERED, ACKNOWLEDGED, ACKNOWLEDGED",
			// acknowledged is final
			"ACKNOWLEDGED, RECEIVED, ACKNOWLEDGED", "ACKNOWLEDGED, ROUTED, ACKNOWLEDGED",
			"ACKNOWLEDGED, TRIAGE, ACKNOWLEDGED", "ACKNOWLEDGED, DELIVERED, ACKNOWLEDGED",
			"ACKNOWLEDGED, ACKNOWLEDGED, ACKNOWLEDGED" })
	void movesOnlyForwardOrSidewaysAndRecordsEveryNewEvent(String from, String event, TrackingState expected) {
		NoteTracking before = inState(from);
		NoteTracking after = apply(before, event, "new-event", T0.plusSeconds(60));

		assertThat(after.state()).isEqualTo(expected);
		assertThat(after.timeline()).hasSize(before.timeline().size() + 1);
		assertThat(entry(after, "new-event").event()).isEqualTo(event);
		boolean late = !"NONE".equals(from) && expected.name().equals(from) && !event.equals(from);
		assertThat(entry(after, "new-event").detail().endsWith("state unchanged)")).isEqualTo(late);
	}

	@Test
	void ignoresAnEventItHasAlreadySeen() {
		NoteTracking delivered = inState("DELIVERED");

		assertThat(delivered.received("e-received", T0, received())).isSameAs(delivered);
		assertThat(delivered.routed("e-routed", T0, routed(ODG, "ROUTED"))).isSameAs(delivered);
		assertThat(delivered.delivered("e-delivered", T0, delivered("odg@iom.example.org"))).isSameAs(delivered);
		NoteTracking acknowledged = apply(delivered, "ACKNOWLEDGED", "e-ack", T0.plusSeconds(40));
		assertThat(acknowledged.acknowledged("e-ack", T0, acknowledged())).isSameAs(acknowledged);
		assertThat(acknowledged.acknowledgements()).hasSize(1);
	}

	@Test
	void followsTheReferenceNoteFromReceiptToAcknowledgement() {
		NoteTracking tracking = inState("ACKNOWLEDGED");

		assertThat(tracking.state()).isEqualTo(TrackingState.ACKNOWLEDGED);
		assertThat(tracking.registryNumber()).isEqualTo("IN/2026/000001");
		assertThat(tracking.destination().id()).isEqualTo("ODG");
		assertThat(tracking.outcome()).isEqualTo("ROUTED");
		assertThat(tracking.priority()).isEqualTo("HIGH");
		assertThat(tracking.explanation().rule()).isEqualTo("highest-destination");
		assertThat(tracking.copies()).extracting((copy) -> copy.office().id()).containsExactly("DPR");
		assertThat(tracking.note().reference()).isEqualTo("2021/01/105");
		assertThat(tracking.receivedAt()).isEqualTo(T0);
		assertThat(tracking.deliveries()).singleElement()
			.satisfies((delivery) -> assertThat(delivery.address()).isEqualTo("odg@iom.example.org"));
		assertThat(tracking.acknowledgements()).singleElement()
			.satisfies((ack) -> assertThat(ack.acknowledgedBy()).isEqualTo("Chef de Cabinet"));
		assertThat(tracking.timeline()).extracting(NoteTracking.TimelineEntry::event)
			.containsExactly("RECEIVED", "ROUTED", "DELIVERED", "ACKNOWLEDGED");
	}

	@Test
	void keepsTheTimelineInOrderOfFactsWhenEventsArriveOutOfOrder() {
		NoteTracking tracking = NoteTracking.start(NOTE)
			.delivered("e-delivered", T0.plusSeconds(20), delivered("odg@iom.example.org"))
			.routed("e-routed", T0.plusSeconds(10), routed(ODG, "ROUTED"))
			.received("e-received", T0, received());

		assertThat(tracking.state()).isEqualTo(TrackingState.DELIVERED);
		assertThat(tracking.timeline()).extracting(NoteTracking.TimelineEntry::event)
			.containsExactly("RECEIVED", "ROUTED", "DELIVERED");
		assertThat(entry(tracking, "e-routed").detail()).endsWith("(arrived while DELIVERED: state unchanged)");
	}

	@Test
	void fillsFactsOfALateRoutingWithoutMovingBack() {
		NoteTracking tracking = NoteTracking.start(NOTE)
			.delivered("e-delivered", T0.plusSeconds(20), delivered("odg@iom.example.org"))
			.routed("e-routed", T0.plusSeconds(10), routed(ODG, "ROUTED"));

		assertThat(tracking.state()).isEqualTo(TrackingState.DELIVERED);
		assertThat(tracking.explanation().rule()).isEqualTo("highest-destination");
		assertThat(tracking.acknowledgementDeadline()).isEqualTo(T0.plusSeconds(86400));
		assertThat(tracking.note().reference()).isEqualTo("2021/01/105");
	}

	@Test
	void reroutesFromTriageToTheOfficeAClerkChose() {
		NoteTracking tracking = NoteTracking.start(NOTE)
			.received("e-received", T0, received())
			.routed("e-triage", T0.plusSeconds(10), routed(TRIAGE, "TRIAGE"))
			.routed("e-rerouted", T0.plusSeconds(30), routed(ODG, "ROUTED"));

		assertThat(tracking.state()).isEqualTo(TrackingState.ROUTED);
		assertThat(tracking.destination().id()).isEqualTo("ODG");
		assertThat(tracking.outcome()).isEqualTo("ROUTED");
		assertThat(tracking.timeline()).extracting(NoteTracking.TimelineEntry::event)
			.containsExactly("RECEIVED", "TRIAGE", "ROUTED");
	}

	@Test
	void keepsTheDestinationWhenARoutingArrivesAfterDelivery() {
		NoteTracking tracking = inState("DELIVERED").routed("e-late", T0.plusSeconds(50), routed(TRIAGE, "TRIAGE"));

		assertThat(tracking.state()).isEqualTo(TrackingState.DELIVERED);
		assertThat(tracking.destination().id()).isEqualTo("ODG");
		assertThat(tracking.outcome()).isEqualTo("ROUTED");
	}

	@Test
	void recordsEveryDeliveryAndAcknowledgement() {
		NoteTracking tracking = inState("DELIVERED")
			.delivered("e-second", T0.plusSeconds(25), delivered("cabinet@iom.example.org"))
			.acknowledged("e-ack", T0.plusSeconds(40), acknowledged())
			.acknowledged("e-ack-again", T0.plusSeconds(45), acknowledged());

		assertThat(tracking.state()).isEqualTo(TrackingState.ACKNOWLEDGED);
		assertThat(tracking.deliveries()).extracting(NoteTracking.Delivery::address)
			.containsExactly("odg@iom.example.org", "cabinet@iom.example.org");
		assertThat(tracking.acknowledgements()).hasSize(2);
	}

	@Test
	void saysARoutingToAnOfficeWithoutEmailIsNotDeliverable() {
		Office webhookOnly = new Office("DOE", "Department of Operations and Emergencies", null, null,
				List.of(new Office.Channel("webhook", "https://doe.example.org/hook")));

		NoteTracking tracking = NoteTracking.start(NOTE).routed("e-routed", T0, routed(webhookOnly, "ROUTED"));

		assertThat(entry(tracking, "e-routed").detail()).contains("no e-mail channel: not deliverable");
	}

	@Test
	void survivesAJsonRoundTripAsTheStoreKeepsIt() {
		JsonMapper json = JsonMapper.builder().build();
		NoteTracking tracking = inState("ACKNOWLEDGED");

		NoteTracking read = json.readValue(json.writeValueAsBytes(tracking), NoteTracking.class);

		assertThat(read).isEqualTo(tracking);
	}

	/** A note brought to a state by its legal events, at T0, T0+10 s, T0+20 s, T0+30 s. */
	private static NoteTracking inState(String state) {
		NoteTracking tracking = NoteTracking.start(NOTE);
		return switch (state) {
			case "NONE" -> tracking;
			case "RECEIVED" -> tracking.received("e-received", T0, received());
			case "ROUTED", "TRIAGE" -> inState("RECEIVED").routed("e-routed", T0.plusSeconds(10),
					"TRIAGE".equals(state) ? routed(TRIAGE, "TRIAGE") : routed(ODG, "ROUTED"));
			case "DELIVERED" -> inState("ROUTED").delivered("e-delivered", T0.plusSeconds(20),
					delivered("odg@iom.example.org"));
			case "ACKNOWLEDGED" -> inState("DELIVERED").acknowledged("e-acknowledged", T0.plusSeconds(30),
					acknowledged());
			default -> throw new IllegalArgumentException(state);
		};
	}

	private static NoteTracking apply(NoteTracking tracking, String event, String eventId, Instant at) {
		return switch (event) {
			case "RECEIVED" -> tracking.received(eventId, at, received());
			case "ROUTED" -> tracking.routed(eventId, at, routed(ODG, "ROUTED"));
			case "TRIAGE" -> tracking.routed(eventId, at, routed(TRIAGE, "TRIAGE"));
			case "DELIVERED" -> tracking.delivered(eventId, at, delivered("odg@iom.example.org"));
			case "ACKNOWLEDGED" -> tracking.acknowledged(eventId, at, acknowledged());
			default -> throw new IllegalArgumentException(event);
		};
	}

	private static NoteTracking.TimelineEntry entry(NoteTracking tracking, String eventId) {
		return tracking.timeline().stream().filter((entry) -> entry.ceId().equals(eventId)).findFirst().orElseThrow();
	}

	private static NoteReceived received() {
		return new NoteReceived(NOTE, T0, "text", null, null, "registry-clerk", fields(), "text");
	}

	private static NoteRouted routed(Office destination, String outcome) {
		return new NoteRouted(NOTE, "IN/2026/000001", T0.plusSeconds(10), T0.plusSeconds(10), outcome, destination,
				List.of(new NoteRouted.Copy(DPR, "INFORMATION")), "HIGH", T0.plusSeconds(86400),
				new NoteRouted.Explanation("TRIAGE".equals(outcome) ? "no-rule" : "highest-destination",
						"The note asks for its highest destination.", List.of("conveyed to its highest destination")),
				T0, fields(), "text");
	}

	private static NoteDelivered delivered(String address) {
		return new NoteDelivered(NOTE, "IN/2026/000001", "d-" + address, ODG, "email", address,
				T0.plusSeconds(20));
	}

	private static NoteAcknowledged acknowledged() {
		return new NoteAcknowledged(NOTE, "IN/2026/000001", ODG, "Chef de Cabinet", T0.plusSeconds(30), null);
	}

	private static NoteFields fields() {
		return new NoteFields("note_verbale", "en", "2021/01/105", null, null, "Geneva", "Permanent Mission of Cambodia",
				"IOM", "Director General", List.of(), null, true, false, List.of("Latin", "Khmer"), null, null);
	}

	private static Office office(String id, String name, String email) {
		return new Office(id, name, null, null, List.of(new Office.Channel("email", email)));
	}

}
