package org.valise.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a note's trace through a Kafka Streams topology, which Kafka Streams does not instrument: each record is
 * processed in a span that continues the trace of its W3C {@code traceparent} header (else of its {@code ce_traceid})
 * so that the log lines written meanwhile carry its trace id, and what is published while processing it carries that
 * trace on: the processing span's {@code traceparent} and its trace id as {@code ce_traceid}, the CloudEvents
 * distributed-tracing extension.
 */
public final class RecordTraces {

	public static final String TRACEPARENT = "traceparent";

	public static final String TRACE_ID = "ce_traceid";

	/** Without a tracer: headers are copied as they came, no span is opened. */
	public static final RecordTraces NONE = new RecordTraces(Tracer.NOOP, Propagator.NOOP);

	private static final Pattern TRACE_ID_VALUE = Pattern.compile("[0-9a-f]{32}");

	private static final Propagator.Getter<Headers> GETTER = (headers, key) -> {
		String value = valueOf(headers, key);
		if (value == null && TRACEPARENT.equals(key)) {
			// A record with only the CloudEvents trace id continues that trace (with a parent span id of its own).
			String traceId = valueOf(headers, TRACE_ID);
			return (traceId != null && TRACE_ID_VALUE.matcher(traceId).matches()) ? "00-" + traceId + "-"
					+ traceId.substring(16) + "-01" : null;
		}
		return value;
	};

	private static final Propagator.Setter<Headers> SETTER = (headers, key, value) -> {
		if (headers != null) {
			headers.remove(key);
			headers.add(key, value.getBytes(StandardCharsets.UTF_8));
		}
	};

	private final Tracer tracer;

	private final Propagator propagator;

	public RecordTraces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Opens the span of one record's processing, the child of the span its headers name, and puts it in scope. */
	public Processing processing(String name, Headers headers) {
		Span span = this.propagator.extract(headers, GETTER).name(name).kind(Span.Kind.CONSUMER).start();
		return new Processing(span, this.tracer.withSpan(span));
	}

	/** The trace id of the span in scope, or null. */
	public String currentTraceId() {
		Span span = this.tracer.currentSpan();
		String traceId = (span != null) ? span.context().traceId() : null;
		return (traceId == null || traceId.isBlank() || traceId.chars().allMatch((c) -> c == '0')) ? null : traceId;
	}

	/**
	 * Adds the trace to the headers of a record published while processing the causing record: the processing
	 * span's {@code traceparent} and its trace id as {@code ce_traceid}; without a span, the causing record's own.
	 */
	public void carryOver(Headers causing, Headers outgoing) {
		String traceId = currentTraceId();
		if (traceId != null) {
			this.propagator.inject(this.tracer.currentSpan().context(), outgoing, SETTER);
			SETTER.set(outgoing, TRACE_ID, traceId);
			return;
		}
		for (String key : new String[] { TRACEPARENT, TRACE_ID }) {
			String value = valueOf(causing, key);
			if (value != null) {
				SETTER.set(outgoing, key, value);
			}
		}
	}

	/** The trace id a record carries ({@code ce_traceid}, else the one of its {@code traceparent}), or null. */
	public static String traceIdOf(Headers headers) {
		String traceId = valueOf(headers, TRACE_ID);
		if (traceId != null) {
			return traceId;
		}
		String traceparent = valueOf(headers, TRACEPARENT);
		return (traceparent != null && traceparent.length() >= 35) ? traceparent.substring(3, 35) : null;
	}

	private static String valueOf(Headers headers, String key) {
		Header header = (headers != null) ? headers.lastHeader(key) : null;
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** A record's processing span, in scope until closed. */
	public static final class Processing implements AutoCloseable {

		private final Span span;

		private final Tracer.SpanInScope scope;

		private Processing(Span span, Tracer.SpanInScope scope) {
			this.span = span;
			this.scope = scope;
		}

		@Override
		public void close() {
			this.scope.close();
			this.span.end();
		}

	}

}
