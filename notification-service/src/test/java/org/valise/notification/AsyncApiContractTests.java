package org.valise.notification;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.valise.notification.event.EventTypes;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document notification-service serves is the project's contract, and it declares every topic this
 * service reads or writes (its {@code valise.topics.*}) and every event type it reads or writes — so a topic or an
 * event added here without the contract fails the build. Exempt, as internal to this service: the commands topic
 * and its results topic.
 */
class AsyncApiContractTests extends BrokerTestSupport {

	/** Internal topics (not for subscribers), deliberately absent from asyncapi.yaml. */
	private static final Set<String> INTERNAL_TOPICS = Set.of("commands", "commandResults", "dispatches", "deadLetters");

	@Autowired
	ValiseProperties properties;

	@Test
	void servesTheContractAndItsSchemasAsTheyArePublished() throws Exception {
		HttpResponse<String> asyncapi = get("/asyncapi.yaml");
		HttpResponse<String> schema = get("/schemas/note-delivered.v1.schema.json");

		assertThat(asyncapi.statusCode()).isEqualTo(200);
		assertThat(asyncapi.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).containsIgnoringCase("yaml"));
		assertThat(asyncapi.body()).isEqualTo(published("asyncapi.yaml"));
		assertThat(schema.statusCode()).isEqualTo(200);
		assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(schema.body()).isEqualTo(published("schemas/note-delivered.v1.schema.json"));
	}

	@Test
	void declaresEveryTopicThisServiceReadsOrWrites() throws Exception {
		Map<String, String> topics = new LinkedHashMap<>();
		for (RecordComponent component : ValiseProperties.Topics.class.getRecordComponents()) {
			if (component.getType() == String.class && !INTERNAL_TOPICS.contains(component.getName())) {
				topics.put(component.getName(), (String) component.getAccessor().invoke(this.properties.topics()));
			}
		}

		assertThat(topics).containsOnlyKeys("received", "routed", "delivery", "directory");
		assertThat(contracts.topics()).containsAll(topics.values());
	}

	@Test
	void declaresEveryEventTypeThisServiceReadsOrWritesOnItsTopic() throws Exception {
		ValiseProperties.Topics topics = this.properties.topics();

		assertThat(contracts.eventTypes(topics.delivery())).containsAll(EventTypes.WRITTEN.keySet());
		assertThat(contracts.eventTypes(topics.received())).contains(EventTypes.NOTE_RECEIVED);
		assertThat(contracts.eventTypes(topics.routed())).contains(EventTypes.NOTE_ROUTED);
		// every event type named in the code is one of those (a new one must be added to WRITTEN or READ)
		assertThat(eventTypesNamedIn(EventTypes.class))
			.containsExactlyInAnyOrderElementsOf(concat(List.copyOf(EventTypes.WRITTEN.keySet()), EventTypes.READ));
	}

	private static List<String> eventTypesNamedIn(Class<?> type) throws IllegalAccessException {
		List<String> names = new ArrayList<>();
		for (Field field : type.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
					&& ((String) field.get(null)).startsWith("org.valise.")) {
				names.add((String) field.get(null));
			}
		}
		return names;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/** A file of the contracts module as published (its jar, on the test classpath). */
	private static String published(String file) throws IOException {
		try (InputStream in = AsyncApiContractTests.class.getClassLoader().getResourceAsStream("contracts/" + file)) {
			assertThat(in).as("contracts/" + file + " on the classpath").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
