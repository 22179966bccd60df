package org.valise.intake.parsing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.valise.intake.evaluation.Evaluation;
import org.valise.intake.evaluation.Report;
import org.valise.intake.evaluation.Scoring;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the parser on every sample note ({@link SampleNotes}) against {@code expected.jsonl} with the scoring of
 * the {@code evaluate} command ({@link Scoring}, {@link Evaluation}), prints the table for the regression set and for
 * the wider world with each field missed, and fails when a field falls below its floor: on the regression set
 * ({@link SampleNotes.Sample#regression()}: the reference note and the {@code dev-*} samples) the number of notes in
 * {@link #REGRESSION_FLOORS}, on the wider world (every other sample) the share in {@link #WIDER_WORLD_FLOORS}, and
 * over all the samples the overall share {@link #OVERALL_FLOOR} and no field below {@link #FIELD_FLOOR}.
 */
class ParserAccuracyTests {

	/** The number of the 13 regression notes each field must get right: what the parser reached; never lower. */
	static final Map<String, Integer> REGRESSION_FLOORS = Map.ofEntries(Map.entry("doc_type", 13),
			Map.entry("language", 13), Map.entry("reference", 13), Map.entry("in_reply_to", 13), Map.entry("date", 13),
			Map.entry("place", 13), Map.entry("sender", 13), Map.entry("recipient", 13),
			Map.entry("recipient_head", 13), Map.entry("enclosures", 13), Map.entry("requested_action", 13),
			Map.entry("highest_destination", 13), Map.entry("confidential", 13));

	/** The share of the wider-world notes each field must get right: what the parser reached; raise, never lower. */
	static final Map<String, Double> WIDER_WORLD_FLOORS = Map.ofEntries(Map.entry("doc_type", 1.0),
			Map.entry("language", 1.0), Map.entry("reference", 1.0), Map.entry("in_reply_to", 1.0), Map.entry("date", 1.0),
			Map.entry("place", 1.0), Map.entry("sender", 1.0), Map.entry("recipient", 1.0),
			Map.entry("recipient_head", 1.0), Map.entry("enclosures", 0.96), Map.entry("requested_action", 0.65),
			Map.entry("highest_destination", 1.0), Map.entry("confidential", 1.0));

	/** The share of all fields of all samples that must be right: what the parser reached; raise, never lower. */
	static final double OVERALL_FLOOR = 0.97;

	/** The share no field may fall below over all the samples: what the parser reached; raise, never lower. */
	static final double FIELD_FLOOR = 0.75;

	/**
	 * The share of all fields of the held-out notes (src/test/resources/holdout to holdout5, notes written apart
	 * from the samples) that must be right; raise, never lower.
	 */
	static final double HELD_OUT_FLOOR = 0.98;

	@Test
	void reachesItsFloorOnNotesWrittenApartFromTheSamples() throws URISyntaxException {
		List<Evaluation.Case> cases = new java.util.ArrayList<>();
		for (String folder : List.of("/holdout/expected.jsonl", "/holdout2/expected.jsonl", "/holdout3/expected.jsonl",
				"/holdout4/expected.jsonl", "/holdout5/expected.jsonl")) {
			cases.addAll(Evaluation.read(Path.of(ParserAccuracyTests.class.getResource(folder).toURI()).getParent()));
		}
		Report report = Evaluation.score(new NoteParser(), cases);
		System.out.println(report.table("Parser accuracy on the " + report.notes() + " held-out notes"));
		assertThat(report.notes()).isPositive();
		assertThat(report.overall()).as("share of all fields of the held-out notes right").isGreaterThanOrEqualTo(HELD_OUT_FLOOR);
	}

	@Test
	void reachesItsAccuracyFloorOnEachFieldOfTheSampleNotes() {
		List<Evaluation.Case> cases = SampleNotes.all()
			.stream()
			.map((sample) -> new Evaluation.Case(sample.file(), sample.expected(), sample.text()))
			.toList();
		Report all = Evaluation.score(new NoteParser(), cases);
		Report regression = all.only(SampleNotes::isRegression);
		Report widerWorld = all.only((file) -> !SampleNotes.isRegression(file));
		System.out.println(regression.table("Parser accuracy on the " + regression.notes() + " regression notes"));
		System.out.println(widerWorld.table("Parser accuracy on the " + widerWorld.notes() + " wider-world notes"));
		System.out.printf("Overall on all %d samples: %.3f%n", all.notes(), all.overall());
		assertThat(regression.notes()).as("regression notes read").isEqualTo(13);
		assertThat(widerWorld.notes()).as("wider-world notes read").isPositive();
		for (String field : Evaluation.FIELDS) {
			assertThat(regression.right(field)).as("regression notes right on %s (see the table printed above)", field)
				.isGreaterThanOrEqualTo(REGRESSION_FLOORS.get(field));
			assertThat(widerWorld.share(field)).as("share of wider-world notes right on %s (see the table above)", field)
				.isGreaterThanOrEqualTo(WIDER_WORLD_FLOORS.get(field));
			assertThat(all.share(field)).as("share of all samples right on %s", field).isGreaterThanOrEqualTo(FIELD_FLOOR);
		}
		assertThat(all.overall()).as("share of all fields of all samples right").isGreaterThanOrEqualTo(OVERALL_FLOOR);
	}

}
