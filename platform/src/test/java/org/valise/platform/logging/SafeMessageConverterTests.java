package org.valise.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
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
	void escapesTheValuesOfAParameterisedMessageButNotTheMessagesOwnText() {
		LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("test"), Level.INFO,
				"Accepted note {} from {}\n(second line written by the code)",
				null, new Object[] { "ref-1\r\nINFO forged", "registry" });

		assertThat(new SafeMessageConverter().convert(event))
			.isEqualTo("Accepted note ref-1\\r\\nINFO forged from registry\n(second line written by the code)");
	}

	@Test
	void leavesOrdinaryTextAndTabsAlone() {
		String text = "Note IN/2026/000001 from the Mission permanente du Cambodge\tà Genève — ព្រះរាជាណាចក្រកម្ពុជា";

		assertThat(SafeMessageConverter.neutralise(text)).isSameAs(text);
	}

}
