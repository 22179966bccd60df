package org.valise.intake.evaluation;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tests for {@link Scoring}: the one comparison of a field read with a field expected. */
class ScoringTests {

	@Test
	void comparesTextAfterNfkcCaseAndPunctuation() {
		assertThat(Scoring.normalise("  Ｎｏｔｅ  Verbale — N°12. ")).isEqualTo("note verbale n 12");
		assertThat(Scoring.equal("note_verbale", "Note Verbale")).isTrue();
		assertThat(Scoring.equal("Genève", "Geneve")).isFalse();
	}

	@Test
	void comparesReferencesWithoutTheirLabel() {
		assertThat(Scoring.sameReference("2021/01/105", "No: 2021/01/105")).isTrue();
		assertThat(Scoring.sameReference("PMNG/IOM/081/82-17", "Ref. No.: PMNG/IOM/081/82-17")).isTrue();
		assertThat(Scoring.sameReference("214/2026", "Nota n.º 214/2026")).isTrue();
		assertThat(Scoring.sameReference("ENAUN N° 399/2016", "ENAUN N° 399/2016")).isTrue();
		assertThat(Scoring.sameReference("214/2026", "215/2026")).isFalse();
	}

	@Test
	void comparesRepliesByTheReferencesTheyCiteInOrder() {
		String expected = "OLA/2023/0187 (IOM note verbale of 6 March 2023); further to own note 0297/POL-II/III/2023 of 20 March 2023";
		assertThat(Scoring.citedReferences(expected)).containsExactly("ola 2023 0187", "0297 pol ii iii 2023");
		assertThat(Scoring.sameCitations(expected,
				"OLA/2023/0187 (the Organization's note verbale of 6 March 2023); 0297/POL-II/III/2023 (its note of 20 March 2023)"))
			.isTrue();
		assertThat(Scoring.sameCitations(expected, "OLA/2023/0187 (note)")).isFalse();
		assertThat(Scoring.citedReferences("C.L.14.2012 (WHO circular letter of 5 March 2012)")).containsExactly("c l 14 2012");
		assertThat(Scoring.sameCitations(null, null)).isTrue();
		assertThat(Scoring.sameCitations(null, "OLA/2023/0187")).isFalse();
	}

	@Test
	void takesNamesForTheSameWhenOneHoldsTheOtherOrTheyAreThreeQuartersAlike() {
		assertThat(Scoring.similar("Director General", "Director General of the International Organization for Migration"))
			.isTrue();
		assertThat(Scoring.similar("Генеральный директор", "Генерального директора")).isTrue();
		assertThat(Scoring.similar("Permanent Mission of Ghana", "Embassy of Ghana in Berne")).isFalse();
		assertThat(Scoring.similar(null, null)).isTrue();
		assertThat(Scoring.similar("Geneva", null)).isFalse();
	}

	@Test
	void computesTheSequenceSimilarityRatioAsDifflibDoes() {
		assertThat(Scoring.ratio("abcd", "bcde")).isCloseTo(0.75, within(1e-9));
		assertThat(Scoring.ratio("abc", "abc")).isEqualTo(1.0);
		assertThat(Scoring.ratio("abc", "xyz")).isEqualTo(0.0);
	}

	@Test
	void takesEnclosuresForRightWhenTheCountMatchesAndEachExpectedAuthorIsFound() {
		assertThat(Scoring.sameEnclosures(List.of("Prime Minister of Cambodia"),
				List.of("Samdech HUN Sen, Prime Minister of Cambodia"))).isTrue();
		assertThat(Scoring.sameEnclosures(Arrays.asList((String) null), Arrays.asList((String) null))).isTrue();
		assertThat(Scoring.sameEnclosures(List.of("Minister of Labour"), List.of())).isFalse();
		assertThat(Scoring.sameEnclosures(List.of("Minister of Labour"), List.of("Embassy of Kenya in Khartoum"))).isFalse();
	}

	@Test
	void matchesASummaryThatIsNeitherVagueNorPadded() {
		String expected = "convey the enclosed letter of the Prime Minister to its highest destination";
		assertThat(Scoring.summaryMatches(expected, "convey the Prime Minister's letter to its highest destination")).isTrue();
		assertThat(Scoring.summaryMatches(expected, "convey")).isFalse();
	}

}
