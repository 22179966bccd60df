package org.valise.platform.events;

import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventHeadersTests {

	private final CloudEventHeaders events = new CloudEventHeaders("routing-service");

	@Test
	void writesTheAttributesAsBinaryModeHeadersWithTheSchemaAndTheTrace() {
		Headers headers = this.events.headers("id-1", "org.valise.note.routed.v1", "note-1",
				Instant.parse("2026-12-06T10:15:30Z"), "note-routed.v1.schema.json", "4bf92f3577b34da6a3ce929d0e0e4736");

		assertThat(CloudEventHeaders.attribute(headers, "ce_specversion")).isEqualTo("1.0");
		assertThat(CloudEventHeaders.attribute(headers, CloudEventHeaders.ID)).isEqualTo("id-1");
		assertThat(CloudEventHeaders.attribute(headers, "ce_source")).isEqualTo("/valise/routing-service");
		assertThat(CloudEventHeaders.attribute(headers, CloudEventHeaders.TYPE)).isEqualTo("org.valise.note.routed.v1");
		assertThat(CloudEventHeaders.attribute(headers, CloudEventHeaders.SUBJECT)).isEqualTo("note-1");
		assertThat(Instant.parse(CloudEventHeaders.attribute(headers, CloudEventHeaders.TIME)))
			.isEqualTo(Instant.parse("2026-12-06T10:15:30Z"));
		assertThat(CloudEventHeaders.attribute(headers, "ce_dataschema"))
			.isEqualTo("https://valise.org/contracts/schemas/note-routed.v1.schema.json");
		assertThat(CloudEventHeaders.attribute(headers, "content-type")).isEqualTo("application/json");
		assertThat(CloudEventHeaders.attribute(headers, CloudEventHeaders.TRACE_ID))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void derivesTheSameIdFromTheSameParts() {
		assertThat(CloudEventHeaders.stableId("routed", "note-1", "1")).isEqualTo(CloudEventHeaders.stableId("routed",
				"note-1", "1"))
			.isNotEqualTo(CloudEventHeaders.stableId("routed", "note-1", "2"));
	}

}
