package org.valise.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A note's trace runs through notification-service: the trace id of the NoteRouted's W3C {@code traceparent} is in
 * the log lines written while the note is tracked and delivered, and on every record written about it.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests extends BrokerTestSupport {

	private static final Random random = new Random();

	@Test
	void carriesTheTraceOfTheRoutedNoteIntoTheLogsAndOntoEveryEventAboutIt(CapturedOutput output) throws Exception {
		// given routing's NoteRouted, carrying the note's trace as a W3C traceparent only
		UUID noteId = UUID.randomUUID();
		String traceId = hex(16);
		String routingSpan = hex(8);
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String body = routing(noteId, "IN/2026/000777",
				office("DMM", "Department of Migration Management", List.of(email("dmm-traced@iom.example.org"))))
			.note(fields("en", "TRACE/" + noteId, "2026-01-15", "Geneva", "Permanent Mission of Tracingland"))
			.registeredAt(at)
			.json();

		// when routing publishes it
		publish(ROUTED, "org.valise.note.routed.v1", "/valise/routing-service", noteId, at, body,
				Map.of("traceparent", "00-" + traceId + "-" + routingSpan + "-01"));

		// then NoteDelivered carries the same trace: ce_traceid and a traceparent of a span of this service
		ConsumerRecord<String, String> delivered = awaitDeliveryRecord("org.valise.note.delivered.v1", noteId);
		assertThat(header(delivered, "ce_traceid")).isEqualTo(traceId);
		assertThat(header(delivered, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
			.doesNotContain(routingSpan);

		// and the delivery worker's line (and the tracking topology's) carry the trace id
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(linesAbout(output, "Delivered NOTE of note " + noteId)).singleElement()
				.asString()
				.contains("[" + traceId + "-");
			assertThat(linesAbout(output, "Note " + noteId + " (IN/2026/000777) is ROUTED")).singleElement()
				.asString()
				.contains("[" + traceId + "-");
		});

		// when the office acknowledges it through the API (the request itself carries no trace)
		assertThat(acknowledge(noteId, office("DMM"), "{\"acknowledgedBy\": \"Director\"}").statusCode())
			.isEqualTo(202);

		// then the acknowledgement, like every other event about the note, is in the note's trace
		awaitDeliveryRecord("org.valise.note.acknowledged.v1", noteId);
		assertThat(readDeliveryTopic()).filteredOn((record) -> noteId.toString().equals(record.key()))
			.extracting((record) -> header(record, "ce_type") + " " + header(record, "ce_traceid"))
			.contains("org.valise.note.delivered.v1 " + traceId, "org.valise.note.receipt-drafted.v1 " + traceId,
					"org.valise.note.acknowledged.v1 " + traceId)
			.allSatisfy((line) -> assertThat(line).endsWith(" " + traceId));
		assertThat(linesAbout(output, "Note " + noteId + " (IN/2026/000777) acknowledged")).singleElement()
			.asString()
			.contains("[" + traceId + "-");
	}

	private static List<String> linesAbout(CapturedOutput output, String fact) {
		return output.getAll().lines().filter((line) -> line.contains(fact)).toList();
	}

	private static String hex(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		value[0] |= 1;
		return HexFormat.of().formatHex(value);
	}

}
