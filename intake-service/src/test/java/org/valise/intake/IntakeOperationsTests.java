package org.valise.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.valise.platform.security.TestTokens;
import org.valise.samples.SampleNotes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and archives get from intake: the note's trace on its record and in the log, the metrics on
 * {@code /actuator/prometheus}, and a topic that keeps every note.
 */
@IntakeBrokerTest
@ExtendWith(OutputCaptureExtension.class)
class IntakeOperationsTests {

	@Autowired
	ReceivedNotes received;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/** The broker of this context (the system property {@code spring.embedded.kafka.brokers} names the latest one). */
	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void publishesTheRequestsTraceOnTheRecordAndLogsItWithTheAcceptance(CapturedOutput output) throws Exception {
		HttpResponse<String> accepted = post("/api/v1/notes", SampleNotes.referenceNote());

		assertThat(accepted.statusCode()).isEqualTo(202);
		String noteId = this.json.readTree(accepted.body()).get("noteId").asString();
		ConsumerRecord<String, String> record = this.received.awaitRecord(noteId);
		String traceparent = header(record, "traceparent");
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		String traceId = traceparent.split("-")[1];
		assertThat(header(record, "ce_traceid")).isEqualTo(traceId);
		assertThat(output.getAll().lines().filter((line) -> line.contains("Accepted note " + noteId)))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(traceId);
	}

	/** Routing and notification read ce_type and ce_id as plain UTF-8: no JSON quoting by the binder's mapper. */
	@Test
	void writesTheCloudEventsAttributesAsThePlainUtf8BytesReadersExpect() throws Exception {
		HttpResponse<String> accepted = post("/api/v1/notes", SampleNotes.referenceNote());

		String noteId = this.json.readTree(accepted.body()).get("noteId").asString();
		ConsumerRecord<String, String> record = this.received.awaitRecord(noteId);
		assertThat(record.key()).isEqualTo(noteId);
		assertThat(header(record, "ce_type")).isEqualTo("org.valise.note.received.v1");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_source")).isEqualTo("/valise/intake-service");
		assertThat(header(record, "ce_subject")).isEqualTo(noteId);
		assertThat(header(record, "ce_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(header(record, "ce_dataschema"))
			.isEqualTo("https://valise.org/contracts/schemas/note-received.v1.schema.json");
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(record.headers()).extracting(Header::key)
			.doesNotHaveDuplicates()
			.allSatisfy((key) -> assertThat(key).matches("ce_[a-z]+|content-type|traceparent"))
			.contains("ce_time", "ce_traceid", "traceparent");
	}

	@Test
	void exposesTheTimerOfTheSendsThroughTheBinding() throws Exception {
		assertThat(post("/api/v1/notes", SampleNotes.referenceNote()).statusCode()).isEqualTo(202);

		assertThat(metrics()).containsPattern(
				"spring_kafka_template_seconds_count\\{[^}]*messaging_destination_name=\"notes.received.v1\"");
	}

	@Test
	void countsParsedNotesBesideTheReceivedOnes() throws Exception {
		HttpResponse<String> parsed = post("/api/v1/notes/parse", SampleNotes.referenceNote());

		assertThat(parsed.statusCode()).isEqualTo(200);
		assertThat(metrics()).contains("# TYPE valise_notes_parsed_total counter")
			.contains("valise_notes_parsed_total{application=\"intake-service\",doc_type=\"note_verbale\"}");
	}

	@Test
	void keepsTheReceivedTopicForEverWithoutCompactionWithTheOneRecordLimit() throws Exception {
		String brokers = this.broker.getBrokersAsString();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, ReceivedNotes.TOPIC);
			Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);

			assertThat(config.get("retention.ms").value()).isEqualTo("-1");
			assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
			assertThat(config.get("max.message.bytes").value()).isEqualTo("1048576");
		}
	}

	private String metrics() throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
				.header("Authorization", TestTokens.scraperAuthorization())
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private HttpResponse<String> post(String path, String note) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "text/plain; charset=UTF-8")
			.header("Authorization", "Bearer " + IntakeBrokerTest.TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String header(ConsumerRecord<String, String> record, String key) {
		Header header = record.headers().lastHeader(key);
		return (header == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
