package org.valise.routing.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTextTests {

	@Test
	void ignoresCaseDiacriticsPunctuationAndBritishSpelling() {
		FoldedText text = FoldedText.of("Son Excellence M. António VITORINO, Directeur-Général de l'Organisation");

		assertThat(text.contains(Term.of("Antonio Vitorino"))).isTrue();
		assertThat(text.contains(Term.of("Directeur général"))).isTrue();
		assertThat(text.contains(Term.of("organization"))).isTrue();
	}

	@Test
	void toleratesOcrConfusionsAndSplitWords() {
		FoldedText text = FoldedText.of("the Intemational 0rganization for Migration (I0M), Depart ment of Operations");

		assertThat(text.contains(Term.of("International Organization for Migration"))).isTrue();
		assertThat(text.contains(Term.of("IOM"))).isTrue();
		assertThat(text.contains(Term.of("Department of Operations"))).isTrue();
	}

	@Test
	void matchesShortWordsAndTitlesOnlyAsWholeWords() {
		FoldedText text = FoldedText.of("The budget administered by the administration");

		assertThat(text.contains(Term.of("DG"))).isFalse();
		assertThat(text.contains(Term.words("minister"))).isFalse();
		assertThat(text.contains(Term.words("ministra"))).isFalse();
	}

	@Test
	void quotesTheOriginalTextOfAMatch() {
		FoldedText text = FoldedText.of("addressed to **H.E. Mr. Antonio\nVitorino**, Director General");

		Span span = text.find(Term.of("antonio vitorino")).get(0);

		assertThat(text.quote(span)).isEqualTo("Antonio Vitorino");
	}

	@Test
	void quotesWholeWordsOfAStemMatch() {
		FoldedText text = FoldedText.of("urgent: evacuation and return");

		Span span = text.find(Term.of("evacuat")).get(0);

		assertThat(text.quoteWords(span)).isEqualTo("evacuation");
	}

}
