package org.valise.intake.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlossaryTests {

	@Test
	void readsARussianWordWhateverItsCaseEnding() {
		assertThat(Glossary.translate("передачу указанного письма", "ru")).isEqualTo("forwarding the said letter");
		assertThat(Glossary.translate("письмо", "ru")).isEqualTo("letter");
	}

	@Test
	void readsAnArabicWordWithoutItsConjunctionArticleOrJoinedPronoun() {
		assertThat(Glossary.translate("والمنظمة", "ar")).isEqualTo("Organization");
		assertThat(Glossary.translate("موافاتها بالترتيبات اللوجستية", "ar")).isEqualTo("send it logistical arrangements");
	}

	@Test
	void readsChineseByTheLongestEntryAtEachCharacter() {
		assertThat(Glossary.translate("国际移民组织派专家", "zh")).isEqualTo("IOM send expert");
	}

	@Test
	void putsARomanceAdjectiveBeforeItsNoun() {
		assertThat(Glossary.translate("un appui technique", "fr")).isEqualTo("a technical support");
		assertThat(Glossary.translate("la campaña nacional", "es")).isEqualTo("the national campaign");
	}

	@Test
	void keepsWordsItDoesNotKnowAsWritten() {
		assertThat(Glossary.translate("в Минске", "ru")).isEqualTo("in Минске");
		assertThat(Glossary.translate("艾米·波普", "zh")).isEqualTo("艾米·波普");
	}

	@Test
	void leavesEnglishAndUnknownLanguagesAsTheyAre() {
		assertThat(Glossary.translate("forward the letter", "en")).isEqualTo("forward the letter");
		assertThat(Glossary.translate("lähetä kirje", "fi")).isEqualTo("lähetä kirje");
	}

}
