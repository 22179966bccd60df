package org.valise.notification.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.notification.event.Office;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory as escalation reads it, office by office from routing-service's publication: parents up to the head,
 * the head's deputy, holders by date, and nothing made up for what it does not know.
 */
class OfficeDirectoryTests {

	private static final Map<String, DirectoryOffice> OFFICES = Map.of(
			"ODG", office("ODG", null, "DDGO", List.of(
					new DirectoryOffice.Holder("António Vitorino", LocalDate.of(2018, 10, 1), LocalDate.of(2023, 9, 30)),
					new DirectoryOffice.Holder("Amy Pope", LocalDate.of(2023, 10, 1), null))),
			"DDGO", office("DDGO", "ODG", "DDGMR", List.of()), "DDGMR", office("DDGMR", "ODG", "DDGO", List.of()),
			"DMM", office("DMM", "DDGO", null, List.of()), "DPR", office("DPR", "DDGMR", null, List.of()),
			"TRIAGE", office("TRIAGE", "ODG", null, List.of()), "LOOP", office("LOOP", "LOOP2", null, List.of()),
			"LOOP2", office("LOOP2", "LOOP", null, List.of()), "ORPHAN", office("ORPHAN", "GONE", null, List.of()));

	private final OfficeDirectory directory = new OfficeDirectory(OFFICES::get);

	@Test
	void escalatesADepartmentUpItsParentsToTheHead() {
		assertThat(this.directory.escalationChain("DMM")).containsExactly("DDGO", "ODG");
		assertThat(this.directory.escalationChain("DPR")).containsExactly("DDGMR", "ODG");
		assertThat(this.directory.escalationChain("TRIAGE")).containsExactly("ODG");
	}

	@Test
	void escalatesANoteForTheHeadToItsDeputy() {
		assertThat(this.directory.escalationChain("ODG")).containsExactly("DDGO");
		assertThat(this.directory.deputyOf("DDGO")).hasValue("DDGMR");
	}

	@Test
	void knowsNoChainForAnUnknownOfficeAndStopsAtACycleOrAnUnknownParent() {
		assertThat(this.directory.escalationChain("NOPE")).isEmpty();
		assertThat(this.directory.escalationChain(null)).isEmpty();
		assertThat(OfficeDirectory.EMPTY.escalationChain("ODG")).isEmpty();
		assertThat(this.directory.escalationChain("LOOP")).containsExactly("LOOP2");
		assertThat(this.directory.escalationChain("ORPHAN")).containsExactly("GONE");
		assertThat(this.directory.office("GONE", LocalDate.of(2026, 1, 1))).isEmpty();
	}

	@Test
	void namesTheHolderOnTheDay() {
		assertThat(this.directory.office("ODG", LocalDate.of(2021, 1, 28))).hasValueSatisfying((office) -> {
			assertThat(office.holder()).isEqualTo("António Vitorino");
			assertThat(office.channels()).singleElement()
				.satisfies((channel) -> assertThat(channel.address()).isEqualTo("odg@iom.example.org"));
		});
		assertThat(this.directory.office("ODG", LocalDate.of(2026, 1, 1)).orElseThrow().holder()).isEqualTo("Amy Pope");
	}

	private static DirectoryOffice office(String id, String parent, String deputy,
			List<DirectoryOffice.Holder> holders) {
		return new DirectoryOffice(id, "Office " + id, null, parent, deputy, holders,
				List.of(new Office.Channel("email", id.toLowerCase() + "@iom.example.org")), false, "v1");
	}

}
