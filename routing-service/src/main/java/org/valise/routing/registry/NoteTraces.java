package org.valise.routing.registry;

import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a note's trace through the registry topology, which Kafka Streams does not instrument: each record is
 * processed in a span that continues the trace of its W3C {@code traceparent} header (so the log lines written
 * meanwhile carry its trace id), and what the desk publishes carries that trace on: {@code traceparent} of the
 * processing span and {@code ce_traceid}, the CloudEvents distributed-tracing extension, with the same trace id.
 */
final class NoteTraces {

	static final String TRACEPARENT = "traceparent";

	static final String TRACE_ID = "ce_traceid";

	/** Without a tracer: headers are copied as they came, no span is opened. */
	static final NoteTraces NONE = new NoteTraces(Tracer.NOOP, Propagator.NOOP);

	private static final Propagator.Getter<Headers> GETTER = (headers, key) -> valueOf(headers, key);

	private static final Propagator.Setter<Headers> SETTER = (headers, key, value) -> {
		if (headers != null) {
			headers.remove(key);
			headers.add(key, value.getBytes(StandardCharsets.UTF_8));
		}
	};

	private final Tracer tracer;

	private final Propagator propagator;

	NoteTraces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Opens the span of one record's processing, the child of the span its headers name, and puts it in scope. */
	Processing processing(String name, Headers headers) {
		Span span = this.propagator.extract(headers, GETTER).name(name).kind(Span.Kind.CONSUMER).start();
		return new Processing(span, this.tracer.withSpan(span));
	}

	/**
	 * Adds the trace to the headers of a record published while processing the causing record: the processing
	 * span's {@code traceparent} and its trace id as {@code ce_traceid}; without a span, the causing record's own.
	 */
	void carryOver(Headers causing, Headers outgoing) {
		Span span = this.tracer.currentSpan();
		String traceId = (span != null) ? span.context().traceId() : null;
		if (traceId != null && !traceId.isBlank() && !traceId.chars().allMatch(c -> c == '0')) {
			this.propagator.inject(span.context(), outgoing, SETTER);
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

	private static String valueOf(Headers headers, String key) {
		Header header = (headers != null) ? headers.lastHeader(key) : null;
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** A record's processing span, in scope until closed. */
	static final class Processing implements AutoCloseable {

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
