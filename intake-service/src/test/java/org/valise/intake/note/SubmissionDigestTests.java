package org.valise.intake.note;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tells one submission from another under the same Idempotency-Key.
 */
class SubmissionDigestTests {

	@Test
	void givesTheSameSubmissionTheSameDigest() {
		assertThat(SubmissionDigest.of(SubmissionFormat.TEXT, null, "Note No. 105"))
			.isEqualTo(SubmissionDigest.of(SubmissionFormat.TEXT, null, "Note No. 105"))
			.matches("[0-9a-f]{64}");
	}

	@Test
	void tellsSubmissionsApartByContentFormatAndFileName() {
		String text = SubmissionDigest.of(SubmissionFormat.TEXT, null, "Note No. 105");

		assertThat(SubmissionDigest.of(SubmissionFormat.TEXT, null, "Note No. 106")).isNotEqualTo(text);
		assertThat(SubmissionDigest.of(SubmissionFormat.FILE, null, "Note No. 105")).isNotEqualTo(text);
		assertThat(SubmissionDigest.of(SubmissionFormat.FILE, "a.txt", "Note No. 105"))
			.isNotEqualTo(SubmissionDigest.of(SubmissionFormat.FILE, "b.txt", "Note No. 105"));
	}

	@Test
	void neverLetsOnePartRunIntoTheNext() {
		assertThat(SubmissionDigest.of(SubmissionFormat.FILE, "ab", "c"))
			.isNotEqualTo(SubmissionDigest.of(SubmissionFormat.FILE, "a", "bc"));
		assertThat(SubmissionDigest.of(SubmissionFormat.FILE, "a", ""))
			.isNotEqualTo(SubmissionDigest.of(SubmissionFormat.FILE, "", "a"));
	}

}
