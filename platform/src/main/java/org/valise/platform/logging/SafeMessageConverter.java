package org.valise.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logs every message on one line whatever its arguments hold: CR, LF and the other control characters (and the
 * Unicode line and paragraph separators) are written as escapes ({@code \n}, {@code \u001b}), so that a value from
 * a request can never forge a log line or a terminal sequence. Replaces Logback's {@code %m}, {@code %msg} and
 * {@code %message} in every Valise service (platform's {@code logback-spring.xml}).
 */
public class SafeMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return neutralise(super.convert(event));
	}

	/** The text with every control character escaped; the same text when it has none. */
	public static String neutralise(String text) {
		if (text == null) {
			return null;
		}
		int i = 0;
		while (i < text.length() && !unsafe(text.charAt(i))) {
			i++;
		}
		if (i == text.length()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
		for (; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!unsafe(c)) {
				out.append(c);
			}
			else if (c == '\n') {
				out.append("\\n");
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else {
				out.append(String.format("\\u%04x", (int) c));
			}
		}
		return out.toString();
	}

	private static boolean unsafe(char c) {
		return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
	}

}
