package org.valise.intake.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTests {

	private static final String NOTE = """
			The Permanent Mission of Ruritania presents its compliments to the International Organization for Migration and \
			has the honour to inform it that the Ministry of the Interior will hold a regional seminar on border management \
			in Strelsau in May 2026.

			The Permanent Mission would be grateful if the Organization could send an expert.

			The Permanent Mission of Ruritania avails itself of this opportunity to renew to the International Organization \
			for Migration the assurances of its highest consideration.

			Geneva, 2 February 2026
			""";

	@Test
	void aShortRequestIsFollowedByWhatTheNoteIsAbout() {
		String action = new NoteParser().parse(NOTE).requestedAction();
		assertThat(action).startsWith("send an expert").contains("regional seminar on border management in Strelsau");
	}

	@Test
	void theContextLeavesOutTheOpeningFormula() {
		String action = new NoteParser().parse(NOTE).requestedAction();
		assertThat(action).doesNotContain("presents its compliments");
	}

	@Test
	void aRequestLongEnoughToSayItAllHasNoContext() {
		String note = NOTE.replace("send an expert.", "send an expert on the detection of forged travel documents to the "
				+ "seminar and communicate the expert's name, title and contact details to the Ministry of the Interior before "
				+ "15 March 2026, together with the subjects the expert will present and the materials needed.");
		assertThat(new NoteParser().parse(note).requestedAction()).doesNotContain("Strelsau");
	}

}
