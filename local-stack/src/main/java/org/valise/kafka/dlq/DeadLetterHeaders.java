package org.valise.kafka.dlq;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers that the services' dead-letter writer ({@code org.valise.platform.kafka.DeadLetters}) adds to a dead
 * letter, named here again because this tool runs on the broker's classpath alone, without the platform library
 * ({@code DeadLetterHeadersTests} checks the names against its source). Everything else on a dead letter is the
 * original record's.
 */
final class DeadLetterHeaders {

	static final String ORIGINAL_TOPIC = "x-original-topic";

	static final String ORIGINAL_PARTITION = "x-original-partition";

	static final String ORIGINAL_OFFSET = "x-original-offset";

	static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";

	static final String ERROR = "x-valise-error";

	static final String MESSAGE = "x-exception-message";

	static final String EXCEPTION = "x-exception-fqcn";

	static final String STAGE = "x-valise-stage";

	static final String ATTEMPTS = "x-valise-attempts";

	static final String FAILED_AT = "x-valise-failed-at";

	static final String VALUE_OMITTED = "x-valise-value-omitted";

	static final String REPLAYED_FROM = "x-valise-replayed-from";

	private DeadLetterHeaders() {
	}

	/** Whether a dead-letter writer (or an earlier replay) added this header, rather than the original producer. */
	static boolean isAdded(String key) {
		return key.startsWith("x-original-") || key.startsWith("x-valise-") || key.startsWith("x-exception-");
	}

	/** Whether {@code --show-headers} prints this header: the x-* ones, never the original producer's. */
	static boolean isShown(String key) {
		return key.startsWith("x-");
	}

	/** The last value of a header as UTF-8 text, or null. */
	static String text(Headers headers, String key) {
		Header header = headers.lastHeader(key);
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
