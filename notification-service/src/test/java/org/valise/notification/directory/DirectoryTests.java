package org.valise.notification.directory;

import java.io.InputStream;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory copy as escalation reads it: parents up to the head, the head's deputy, holders by date.
 */
class DirectoryTests {

	private final Directory directory = read();

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
	void knowsNoChainForAnUnknownOffice() {
		assertThat(this.directory.escalationChain("NOPE")).isEmpty();
		assertThat(this.directory.escalationChain(null)).isEmpty();
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

	private static Directory read() {
		InputStream in = DirectoryTests.class.getResourceAsStream("/directory/iom.yml");
		return Directory.read(in);
	}

}
