package org.valise.notification.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class NoteTracesTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void readsTheTraceIdFromCeTraceIdFirstThenFromTraceparent() {
		assertThat(NoteTraces.traceIdOf(headers("ce_traceid", TRACE, "traceparent",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))).isEqualTo(TRACE);
		assertThat(NoteTraces.traceIdOf(headers("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")))
			.isEqualTo(TRACE);
		assertThat(NoteTraces.traceIdOf(headers("ce_traceid", "not-a-trace", "traceparent",
				"00-" + TRACE + "-00f067aa0ba902b7-00"))).isEqualTo(TRACE);
	}

	@Test
	void ignoresMissingMalformedAndAllZeroTraces() {
		assertThat(NoteTraces.traceIdOf(new RecordHeaders())).isNull();
		assertThat(NoteTraces.traceIdOf(headers("traceparent", "00-" + TRACE + "-01"))).isNull();
		assertThat(NoteTraces.traceIdOf(headers("traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))).isNull();
		assertThat(NoteTraces.traceIdOf(headers("ce_traceid", TRACE.toUpperCase()))).isNull();
	}

	@Test
	void addsTheTraceIdAndAStableSpanOfThisServiceInTheSameTrace() {
		Headers first = headers("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		Headers again = new RecordHeaders();

		NoteTraces.addTo(first, TRACE, "event-1");
		NoteTraces.addTo(again, TRACE, "event-1");

		assertThat(value(first, "ce_traceid")).isEqualTo(TRACE);
		assertThat(value(first, "traceparent")).matches("00-" + TRACE + "-[0-9a-f]{16}-01");
		assertThat(first.headers("traceparent")).hasSize(1);
		assertThat(value(again, "traceparent")).isEqualTo(value(first, "traceparent"));
		assertThat(NoteTraces.traceparent(TRACE, "event-2")).isNotEqualTo(value(first, "traceparent"));
	}

	@Test
	void addsNothingWithoutATrace() {
		Headers headers = new RecordHeaders();
		NoteTraces.addTo(headers, null, "event-1");
		assertThat(headers.toArray()).isEmpty();
	}

	@Test
	void keepsTheTraceIdInTheMdcWhileInScopeAndRestoresWhatWasThere() {
		MDC.put("traceId", "outer");
		try (NoteTraces.Scope scope = NoteTraces.inScope(TRACE)) {
			assertThat(NoteTraces.current()).isEqualTo(TRACE);
			try (NoteTraces.Scope none = NoteTraces.inScope(null)) {
				assertThat(MDC.get("traceId")).isNull();
			}
			assertThat(MDC.get("traceId")).isEqualTo(TRACE);
		}
		assertThat(MDC.get("traceId")).isEqualTo("outer");
	}

	private static Headers headers(String... namesAndValues) {
		Headers headers = new RecordHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
		}
		return headers;
	}

	private static String value(Headers headers, String name) {
		return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
