package org.valise.system.scale;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.valise.system.faults.TopicArchive;
import org.valise.system.faults.TopicArchive.Channel;
import org.valise.system.faults.TopicArchive.Copy;
import org.valise.system.faults.TopicArchive.DeliveryEvent;
import org.valise.system.faults.TopicArchive.Routed;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveriesOnceTests {

	private static final List<Channel> EMAIL = List.of(new Channel("email", "x@iom.example.org"));

	private static final Routed ODG_COPY_DOE = new Routed("n1", "r1", "ROUTED", "IN/2026/000001", 1, null, "ODG",
			EMAIL, List.of(new Copy("DOE", EMAIL)));

	@Test
	void countsANoteDeliveredOnceToItsDestinationAndOnceToItsCopyAsExact() {
		DeliveriesOnce once = DeliveriesOnce.of(Set.of("n1"), Map.of("n1", List.of(ODG_COPY_DOE)),
				Map.of("n1", List.of(delivered("d1", "ODG", "NOTE"), delivered("d2", "DOE", "COPY"))));

		assertThat(once.exact()).isTrue();
		assertThat(once.destinationOnce()).isEqualTo(1);
		assertThat(once.copiesOnce()).isEqualTo(1);
		assertThat(once.notesWithCopies()).isEqualTo(1);
	}

	@Test
	void countsACopyNeverDeliveredAsMissing() {
		DeliveriesOnce once = DeliveriesOnce.of(Set.of("n1"), Map.of("n1", List.of(ODG_COPY_DOE)),
				Map.of("n1", List.of(delivered("d1", "ODG", "NOTE"))));

		assertThat(once.exact()).isFalse();
		assertThat(once.missing()).isEqualTo(1);
		assertThat(once.examples()).containsExactly("n1: never delivered to DOE by email COPY");
	}

	@Test
	void countsASecondDeliveryToTheDestinationAsExtraEvenUnderAnotherDeliveryId() {
		DeliveriesOnce once = DeliveriesOnce.of(Set.of("n1"), Map.of("n1", List.of(ODG_COPY_DOE)),
				Map.of("n1", List.of(delivered("d1", "ODG", "NOTE"), delivered("d3", "ODG", "NOTE"),
						delivered("d2", "DOE", "COPY"))));

		assertThat(once.extra()).isEqualTo(1);
		assertThat(once.destinationOnce()).isZero();
	}

	@Test
	void countsADeliveryToAnOfficeTheRegistrationDoesNotNameAsExtraAndIgnoresEscalations() {
		DeliveriesOnce once = DeliveriesOnce.of(Set.of("n1"), Map.of("n1", List.of(ODG_COPY_DOE)),
				Map.of("n1", List.of(delivered("d1", "ODG", "NOTE"), delivered("d2", "DOE", "COPY"),
						delivered("d4", "DMM", "COPY"), delivered("d5", "DG", "ESCALATION"))));

		assertThat(once.extra()).isEqualTo(1);
		assertThat(once.examples()).containsExactly("n1: delivered to DMM by email COPY, which the registration does not name");
	}

	@Test
	void leavesNotesWithoutARegistrationToTheAudit() {
		DeliveriesOnce once = DeliveriesOnce.of(Set.of("n2"), Map.of(), Map.of());

		assertThat(once.notes()).isZero();
		assertThat(once.exact()).isTrue();
	}

	private static DeliveryEvent delivered(String deliveryId, String office, String purpose) {
		return new DeliveryEvent("n1", "ce-" + deliveryId, TopicArchive.DELIVERED, deliveryId, office, "email", purpose);
	}

}
