package org.valise.notification.tracing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * A note's trace as notification-service carries it. The trace id comes with the records intake and routing write
 * ({@code ce_traceid}, the CloudEvents distributed-tracing extension, or the W3C {@code traceparent}); it stays in the
 * MDC (key {@value #MDC_KEY}, printed by {@code logging.pattern.correlation}) while the note is processed or delivered,
 * and goes on with every record written about the note: {@code ce_traceid} and a {@code traceparent} naming a span of
 * this service in the same trace. Plain W3C headers, no tracer: the service exports no spans.
 */
public final class NoteTraces {

	/** The W3C Trace Context header. */
	public static final String TRACEPARENT = "traceparent";

	/** The CloudEvents distributed-tracing extension attribute, in Kafka binary mode. */
	public static final String TRACE_ID = "ce_traceid";

	/** The MDC key of the trace id (the one Micrometer Tracing uses, as in intake and routing). */
	public static final String MDC_KEY = "traceId";

	private static final Pattern TRACE_ID_FORMAT = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern TRACEPARENT_FORMAT = Pattern
		.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");

	private static final String INVALID_TRACE_ID = "0".repeat(32);

	private NoteTraces() {
	}

	/** The trace id of a record: its {@code ce_traceid}, else its {@code traceparent}'s; null when it has none valid. */
	public static String traceIdOf(Headers headers) {
		String traceId = valid(value(headers, TRACE_ID));
		if (traceId != null) {
			return traceId;
		}
		String traceparent = value(headers, TRACEPARENT);
		if (traceparent == null) {
			return null;
		}
		Matcher matcher = TRACEPARENT_FORMAT.matcher(traceparent.strip().toLowerCase(java.util.Locale.ROOT));
		return matcher.matches() ? valid(matcher.group(1)) : null;
	}

	/**
	 * Adds {@code ce_traceid} and {@code traceparent} to a record written about a note, replacing any there.
	 * @param traceId the note's trace id; nothing is added when null
	 * @param spanSeed what the span id is derived from (the event id, so that a re-sent event keeps its headers)
	 */
	public static void addTo(Headers headers, String traceId, String spanSeed) {
		if (valid(traceId) == null) {
			return;
		}
		set(headers, TRACE_ID, traceId);
		set(headers, TRACEPARENT, traceparent(traceId, spanSeed));
	}

	/** A sampled {@code traceparent} of the trace, with a span id derived from the seed. */
	public static String traceparent(String traceId, String spanSeed) {
		long span = UUID.nameUUIDFromBytes(("span|" + spanSeed).getBytes(StandardCharsets.UTF_8))
			.getMostSignificantBits();
		return "00-" + traceId + "-" + String.format("%016x", (span != 0) ? span : 1) + "-01";
	}

	/** The trace id in the MDC of this thread, or null. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

	/**
	 * Puts a trace id in this thread's MDC until the scope is closed, which restores what was there before.
	 * @param traceId the trace id, or null to clear it meanwhile
	 */
	public static Scope inScope(String traceId) {
		String before = MDC.get(MDC_KEY);
		put(traceId);
		return () -> put(before);
	}

	private static void put(String traceId) {
		if (traceId != null) {
			MDC.put(MDC_KEY, traceId);
		}
		else {
			MDC.remove(MDC_KEY);
		}
	}

	private static String valid(String traceId) {
		return (traceId != null && TRACE_ID_FORMAT.matcher(traceId).matches() && !INVALID_TRACE_ID.equals(traceId))
				? traceId : null;
	}

	private static String value(Headers headers, String name) {
		Header header = (headers != null) ? headers.lastHeader(name) : null;
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static void set(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/** A trace id in the MDC, until closed. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
