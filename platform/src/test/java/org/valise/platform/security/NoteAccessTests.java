package org.valise.platform.security;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoteAccessTests {

	private static final NoteAudience FOR_ODG = new NoteAudience("ODG", Set.of("dpr"), Set.of("DDGO"), false,
			"registry");

	private static final NoteAudience CONFIDENTIAL_FOR_ODG = new NoteAudience("ODG", Set.of("DPR"), Set.of("DDGO"), true,
			"registry");

	@Test
	void showsAClerkEveryNoteWhole() {
		assertThat(NoteAccess.of(Caller.of("clerk", Role.CLERK), CONFIDENTIAL_FOR_ODG)).isEqualTo(NoteAccess.CONTENT);
	}

	@Test
	void showsTheDestinationOfficeItsNoteWholeEvenConfidential() {
		assertThat(NoteAccess.of(Caller.office("odg", "odg"), CONFIDENTIAL_FOR_ODG)).isEqualTo(NoteAccess.CONTENT);
	}

	@Test
	void showsOfficesInCopyOrEscalatedToTheContentUnlessConfidential() {
		assertThat(NoteAccess.of(Caller.office("dpr", "DPR"), FOR_ODG)).isEqualTo(NoteAccess.CONTENT);
		assertThat(NoteAccess.of(Caller.office("ddgo", "DDGO"), FOR_ODG)).isEqualTo(NoteAccess.CONTENT);
		assertThat(NoteAccess.of(Caller.office("dpr", "DPR"), CONFIDENTIAL_FOR_ODG)).isEqualTo(NoteAccess.REGISTRY_FACTS);
		assertThat(NoteAccess.of(Caller.office("ddgo", "DDGO"), CONFIDENTIAL_FOR_ODG))
			.isEqualTo(NoteAccess.REGISTRY_FACTS);
	}

	@Test
	void hidesANoteFromEveryOtherOffice() {
		assertThat(NoteAccess.of(Caller.office("ola", "OLA"), FOR_ODG)).isEqualTo(NoteAccess.NONE);
		assertThat(NoteAccess.of(new Caller("odg-without-role", Set.of(), "ODG"), FOR_ODG)).isEqualTo(NoteAccess.NONE);
	}

	@Test
	void showsAnAuditorEverythingButAConfidentialNotesContent() {
		assertThat(NoteAccess.of(Caller.of("audit", Role.AUDITOR), FOR_ODG)).isEqualTo(NoteAccess.CONTENT);
		assertThat(NoteAccess.of(Caller.of("audit", Role.AUDITOR), CONFIDENTIAL_FOR_ODG))
			.isEqualTo(NoteAccess.REGISTRY_FACTS);
	}

	@Test
	void showsAnOperatorRegistryFactsOnly() {
		assertThat(NoteAccess.of(Caller.of("ops", Role.OPERATOR), FOR_ODG)).isEqualTo(NoteAccess.REGISTRY_FACTS);
	}

	@Test
	void showsASubmitterTheRegistryFactsOfItsOwnNotesOnly() {
		assertThat(NoteAccess.of(Caller.of("registry", Role.SUBMITTER), FOR_ODG)).isEqualTo(NoteAccess.REGISTRY_FACTS);
		assertThat(NoteAccess.of(Caller.of("another-registry", Role.SUBMITTER), FOR_ODG)).isEqualTo(NoteAccess.NONE);
	}

	@Test
	void grantsACallerWithSeveralRolesTheMostAnyAllows() {
		Caller operatorAndAuditor = new Caller("both", Set.of(Role.OPERATOR, Role.AUDITOR), null);

		assertThat(NoteAccess.of(operatorAndAuditor, FOR_ODG)).isEqualTo(NoteAccess.CONTENT);
	}

}
