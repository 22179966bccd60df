package org.valise.samples;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.valise.samples.SampleNotes.Sample;

import static org.assertj.core.api.Assertions.assertThat;

class SampleNotesTests {

	private static final List<String> KEYS = List.of("file", "doc_type", "language", "reference", "in_reply_to", "date",
			"place", "sender", "recipient", "recipient_head", "enclosures", "requested_action", "highest_destination",
			"confidential", "route_to");

	@Test
	void readsEveryBundledSampleWithItsTextAndEveryExpectedKey() {
		List<Sample> samples = SampleNotes.all();

		assertThat(samples).hasSize(45);
		assertThat(samples).allSatisfy((sample) -> {
			assertThat(sample.text()).as(sample.file()).isNotBlank();
			assertThat(KEYS).as(sample.file()).allMatch(sample.expected()::has);
		});
		assertThat(samples).extracting(Sample::file).doesNotHaveDuplicates();
	}

	@Test
	void setsTheReferenceNoteAndTheDevSamplesApartAsTheRegressionSet() {
		assertThat(SampleNotes.all().stream().filter(Sample::regression)).hasSize(13)
			.extracting(Sample::file)
			.contains(SampleNotes.REFERENCE_NOTE, "dev-12-uruguay-protocol-credentials-es.txt");
		assertThat(SampleNotes.get("a01-caboverde-ga-hrc-candidature.txt").regression()).isFalse();
	}

	@Test
	void findsTheReferenceNoteByName() {
		assertThat(SampleNotes.referenceNote()).contains("highest destination");
		assertThat(SampleNotes.get(SampleNotes.REFERENCE_NOTE).routeTo()).isEqualTo("Office of the Director General");
	}

}
