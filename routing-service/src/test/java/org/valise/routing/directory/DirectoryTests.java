package org.valise.routing.directory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DirectoryTests {

	private static final String TRIAGE = """
			  - id: TRIAGE
			    name: Registry triage
			    rank: 5
			    parent: HQ
			""";

	@Test
	void loadsTheOfficesOfTheIomDirectory() {
		Directory directory = iom();

		assertThat(directory.offices()).extracting(Office::id)
			.containsExactly("ODG", "DDGO", "DDGMR", "DMM", "DPR", "DOE", "OLA", "PROTOCOL", "TRIAGE");
		assertThat(directory.head().name()).isEqualTo("Office of the Director General");
		assertThat(directory.triage().name()).isEqualTo("Registry triage");
		assertThat(directory.deputyOf(directory.head())).map(Office::id).hasValue("DDGO");
		assertThat(directory.head().channels()).containsExactly(new Channel("email", "odg@iom.example.org"));
		assertThat(directory.head().clearedForConfidential()).isTrue();
	}

	@Test
	void knowsWhoHeldTheOfficeOnAGivenDay() {
		Office odg = iom().head();

		assertThat(odg.holderOn(LocalDate.of(2021, 1, 28))).isEqualTo("António Vitorino");
		assertThat(odg.holderOn(LocalDate.of(2023, 9, 30))).isEqualTo("António Vitorino");
		assertThat(odg.holderOn(LocalDate.of(2023, 10, 1))).isEqualTo("Amy Pope");
	}

	@Test
	void findsOfficesByTheirNamesTitlesAndAliasesInEnglishFrenchAndSpanish() {
		Directory directory = iom();

		assertThat(officesIn(directory, "Directeur général adjoint chargé des opérations")).containsExactly("DDGO");
		assertThat(officesIn(directory, "Deputy Director General for Operations of the IOM")).containsExactly("DDGO");
		assertThat(officesIn(directory, "Organización Internacional para las Migraciones (Oficina de Protocolo)"))
			.containsExactly("PROTOCOL");
		assertThat(officesIn(directory, "H.E. Mr. Antonio Vitorino, DIRECTOR-GENERAL")).containsOnly("ODG");
		assertThat(officesIn(directory, "International Organisation for Migration")).isEmpty();
		assertThat(officesIn(directory, "the budget of the Department")).isEmpty();
	}

	@Test
	void rejectsDuplicateIdsUnknownParentsAndDeputies() {
		assertThatExceptionOfType(InvalidDirectoryException.class).isThrownBy(() -> load("""
				offices:
				  - id: HQ
				    name: Head office
				    rank: 1
				    deputy: NOPE
				  - id: HQ
				    name: Another
				    rank: 2
				    parent: HQ
				  - id: DEP
				    name: Department
				    rank: 3
				    parent: GHOST
				""" + TRIAGE))
			.satisfies(ex -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"office id 'HQ' is used more than once",
					"office 'HQ': deputy 'NOPE' is not an office of the directory",
					"office 'DEP': parent 'GHOST' is not an office of the directory"));
	}

	@Test
	void requiresExactlyOneHead() {
		assertThatExceptionOfType(InvalidDirectoryException.class).isThrownBy(() -> load("""
				offices:
				  - id: HQ
				    name: Head office
				    rank: 1
				  - id: HQ2
				    name: Second head
				    rank: 1
				""" + TRIAGE))
			.withMessageContaining("exactly one office must have rank 1 (the head of the organisation), found 2: HQ, HQ2");
	}

	@Test
	void rejectsAnAliasThatNamesTwoOfficesAndAMissingTriageDesk() {
		assertThatExceptionOfType(InvalidDirectoryException.class).isThrownBy(() -> load("""
				offices:
				  - id: HQ
				    name: Head office
				    rank: 1
				    aliases: [Chief]
				  - id: DEP
				    name: Department
				    rank: 2
				    parent: HQ
				    aliases: [CHIEF]
				"""))
			.satisfies(ex -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"office 'DEP': alias 'CHIEF' already names office 'HQ'",
					"there is no office with id 'TRIAGE' (the registry triage desk)"));
	}

	@Test
	void rejectsUnknownKeysAndBadChannelsWithClearMessages() {
		assertThatExceptionOfType(InvalidDirectoryException.class).isThrownBy(() -> load("""
				offices:
				  - id: HQ
				    name: Head office
				    rank: 1
				    aliasses: [Boss]
				"""))
			.satisfies(ex -> assertThat(ex.problems()).singleElement()
				.asString()
				.startsWith("offices[0]: unknown key 'aliasses' (near line"))
			.withMessageStartingWith("Invalid organisation directory test.yml:");
		assertThatExceptionOfType(InvalidDirectoryException.class).isThrownBy(() -> load("""
				offices:
				  - id: HQ
				    name: Head office
				    rank: 1
				    channels: [{ type: fax, address: "+41 22 000 00 00" }]
				""" + TRIAGE))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly(
					"office 'HQ': channel type 'fax' is neither email nor webhook"));
	}

	private static List<String> officesIn(Directory directory, String text) {
		return directory.mentionsIn(text, LocalDate.of(2021, 1, 28)).stream().map(m -> m.office().id()).distinct().toList();
	}

	private static Directory iom() {
		return DirectoryLoader.load(DirectoryTests.class.getResourceAsStream("/directory/iom.yml"), "iom.yml");
	}

	private static Directory load(String yaml) {
		return DirectoryLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
	}

}
