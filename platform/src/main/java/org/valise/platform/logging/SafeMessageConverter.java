package org.valise.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * Logs every value on one line whatever it holds: in a parameterised message ({@code log.info("Accepted note {}",
 * reference)}) each argument has its CR, LF and other control characters (and the Unicode line and paragraph
 * separators) written as escapes ({@code \n}, {@code \u001b}), so that a value from a request can never forge a log
 * line or a terminal sequence; the message's own text, written by the code, is left as it is. Replaces Logback's
 * {@code %m}, {@code %msg} and {@code %message} in every Valise service (platform's {@code logback-spring.xml}).
 */
public class SafeMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		Object[] arguments = event.getArgumentArray();
		if (arguments == null || arguments.length == 0) {
			return event.getFormattedMessage();
		}
		Object[] safe = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			// A trailing Throwable is the event's exception, printed apart (by %ex); it is not a value of the message.
			safe[i] = (arguments[i] instanceof Throwable) ? arguments[i] : neutralise(String.valueOf(arguments[i]));
		}
		return MessageFormatter.basicArrayFormat(event.getMessage(), safe);
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
