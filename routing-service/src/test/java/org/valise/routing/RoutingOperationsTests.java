package org.valise.routing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.node.ObjectNode;

import org.valise.platform.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators and archives get from the registry: the note's trace carried from NoteReceived to NoteRouted and
 * into the log, the metrics on {@code /actuator/prometheus} (decisions, triage, latency, the Kafka clients' lag),
 * and topics that keep every record.
 */
@ExtendWith(OutputCaptureExtension.class)
class RoutingOperationsTests extends BrokerTestSupport {

	private static final Random RANDOM = new Random();

	@Test
	void carriesTheNotesTraceFromNoteReceivedToNoteRoutedAndIntoTheLog(CapturedOutput output) {
		String traceId = hex(16);
		String intakeSpan = hex(8);
		String noteId = UUID.randomUUID().toString();
		SampleNoteEvents.Sample sample = SampleNoteEvents.get("seed-cambodia-iom-2021-01-105.txt");
		ObjectNode body = noteReceived(sample, noteId, uniqueReference(sample));
		Headers headers = ceHeaders(noteId, Instant.now());
		headers.add("traceparent", ("00-" + traceId + "-" + intakeSpan + "-01").getBytes(StandardCharsets.UTF_8));
		headers.add("ce_traceid", traceId.getBytes(StandardCharsets.UTF_8));
		this.contracts.assertHonoured(RECEIVED, noteId, headers, body.toString());

		this.producer.send(new ProducerRecord<>(RECEIVED, null, noteId, body.toString(), headers));
		this.producer.flush();
		awaitRouted(noteId);

		ConsumerRecord<String, String> routed = this.routed.get(noteId).get(0);
		assertHonoured(routed);
		String traceparent = header(routed.headers(), "traceparent");
		assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(intakeSpan);
		assertThat(header(routed.headers(), "ce_traceid")).isEqualTo(traceId);
		assertThat(output.getAll().lines().filter(line -> line.contains("Published note " + noteId)))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(traceId);
	}

	@Test
	void tracesAClerksDecisionFromTheRequestToTheNewRevision() {
		String noteId = send(SampleNoteEvents.get("dev-10-junk-spam-consignment.txt"));
		awaitRouted(noteId);

		assertThat(this.mvc.post()
			.uri("/api/v1/notes/{id}/routing", noteId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"officeId\": \"DMM\", \"reason\": \"A consignment at the border: the migration department.\"}"))
			.hasStatusOk();
		awaitRouted(noteId, 2);

		ConsumerRecord<String, String> revision = this.routed.get(noteId).get(1);
		String traceparent = header(revision.headers(), "traceparent");
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(header(revision.headers(), "ce_traceid")).isEqualTo(traceparent.split("-")[1])
			.isNotEqualTo(traceIdOf(this.routed.get(noteId).get(0)));
	}

	@Test
	void exposesDecisionsTriageLatencyAndConsumerLagToPrometheus() {
		String routedNote = send(SampleNoteEvents.get("dev-04-nepal-department-policy-research.txt"));
		String triagedNote = send(SampleNoteEvents.get("dev-10-junk-spam-consignment.txt"));
		awaitRouted(routedNote);
		awaitRouted(triagedNote);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(this.mvc.get().header(HttpHeaders.AUTHORIZATION, TestTokens.scraperAuthorization()).uri("/actuator/prometheus"))
			.hasStatusOk()
			.bodyText()
			.contains("valise_notes_routed_total{application=\"routing-service\",office=\"DPR\"")
			.contains("valise_notes_triaged_total{application=\"routing-service\",decided_by=\"rules\"}")
			.containsPattern("valise_notes_in_triage\\{application=\"routing-service\"} [1-9]")
			.contains("# TYPE valise_note_routing_latency_seconds histogram")
			.containsPattern("valise_note_routing_latency_seconds_bucket\\{[^}]*outcome=\"ROUTED\",le=\"0.25\"}")
			.containsPattern("valise_note_routing_latency_seconds_bucket\\{[^}]*outcome=\"ROUTED\",le=\"\\+Inf\"} [1-9]")
			.containsPattern("valise_note_routing_latency_seconds_count\\{[^}]*outcome=\"TRIAGE\"[^}]*} [1-9]")
			.contains("kafka_consumer_fetch_manager_records_lag_max{"));
	}

	@Test
	void keepsTheTopicsItWritesForEverWithoutCompactionWithinTheRecordLimit() throws Exception {
		List<ConfigResource> topics = List.of(ROUTED, DLQ, "routing.commands.v1")
			.stream()
			.map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
			.toList();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString()))) {
			Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get();

			assertThat(configs).hasSize(3).allSatisfy((topic, config) -> {
				assertThat(config.get("retention.ms").value()).as(topic.name()).isEqualTo("-1");
				assertThat(config.get("cleanup.policy").value()).as(topic.name()).isEqualTo("delete");
				assertThat(config.get("max.message.bytes").value()).as(topic.name()).isEqualTo("1048576");
			});
		}
	}

	private static String traceIdOf(ConsumerRecord<String, String> record) {
		return header(record.headers(), "ce_traceid");
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
