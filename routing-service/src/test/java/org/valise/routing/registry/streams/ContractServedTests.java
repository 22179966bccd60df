package org.valise.routing.registry.streams;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.valise.routing.BrokerTestSupport;
import org.valise.routing.directory.publishing.DirectoryTopics;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routing-service serves the published event contract, and that contract declares the topics the registry reads
 * and writes for others and the event types it writes (the directory's too) — so a topic or an event added here
 * without the contract fails the build. Exempt, as internal to routing: the clerks' command topic; the dead-letter topic carries
 * other topics' records as they were.
 */
class ContractServedTests extends BrokerTestSupport {

	@Autowired
	RegistryTopics topics;

	@Autowired
	DirectoryTopics directoryTopics;

	@Test
	void servesTheContractAsPublished() throws Exception {
		assertThat(this.mvc.get().uri("/asyncapi.yaml")).hasStatusOk()
			.bodyText()
			.isEqualTo(published("asyncapi.yaml"));
		assertThat(this.mvc.get().uri("/schemas/note-routed.v1.schema.json")).hasStatusOk()
			.bodyText()
			.isEqualTo(published("schemas/note-routed.v1.schema.json"));
	}

	@Test
	void declaresTheTopicsAndEventTypesTheRegistryReadsAndWrites() {
		assertThat(this.contracts.topics()).contains(this.topics.received(), this.topics.routed());
		assertThat(this.contracts.eventTypes(this.topics.routed())).contains(RoutedHeaders.ROUTED_TYPE);
		assertThat(this.contracts.eventTypes(this.topics.received())).contains("org.valise.note.received.v1");
	}

	@Test
	void declaresTheDirectoryTopicAsACompactedTableOfOffices() {
		assertThat(this.contracts.eventTypes(this.directoryTopics.directory()))
			.containsExactly("org.valise.directory.office.v1");
		assertThat(this.contracts.compacted(this.directoryTopics.directory())).isTrue();
	}

	/** A file of the contracts module as published (its jar, on the test classpath). */
	private static String published(String file) throws IOException {
		try (InputStream in = ContractServedTests.class.getClassLoader().getResourceAsStream("contracts/" + file)) {
			assertThat(in).as("contracts/" + file + " on the classpath").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
