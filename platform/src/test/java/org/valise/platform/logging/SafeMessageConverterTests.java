package org.valise.platform.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeMessageConverterTests {

	@Test
	void escapesLineBreaksSoThatAValueCannotForgeALogLine() {
		assertThat(SafeMessageConverter.neutralise("Accepted note ref-1\r\n2026-12-06 INFO Acknowledged everything"))
			.isEqualTo("Accepted note ref-1\\r\\n2026-12-06 INFO Acknowledged everything");
	}

	@Test
	void escapesTerminalSequencesAndUnicodeLineSeparators() {
		assertThat(SafeMessageConverter.neutralise("a\u001b[31mb\u2028c\u0000")).isEqualTo("a\\u001b[31mb\\u2028c\\u0000");
	}

	@Test
	void leavesOrdinaryTextAndTabsAlone() {
		String text = "Note IN/2026/000001 from the Mission permanente du Cambodge\tà Genève — ព្រះរាជាណាចក្រកម្ពុជា";

		assertThat(SafeMessageConverter.neutralise(text)).isSameAs(text);
	}

}
