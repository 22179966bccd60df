package org.valise.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published event contract ({@code asyncapi.yaml} and {@code schemas/*.json}) as the services' tests
 * use it: given a Kafka record's topic, headers and body, it checks that the record is a CloudEvents 1.0
 * binary-mode message of a type the AsyncAPI document declares for that topic, and that its body validates
 * against that message's JSON Schema. On a compacted topic (a table such as {@code directory.v1}, whose Kafka
 * binding's {@code cleanup.policy} has {@code compact}) a record without a body, a tombstone, honours the contract
 * if its headers do.
 */
public final class EventContracts {

	/** Prefix of the schemas' {@code $id}s, mapped to the copies packaged with this module. */
	private static final String SCHEMA_ID_PREFIX = "https://valise.org/contracts/schemas/";

	private static final String CLASSPATH_ROOT = "contracts/";

	private static final Set<String> REQUIRED_HEADERS = Set.of("ce_specversion", "ce_id", "ce_source", "ce_type",
			"ce_subject", "ce_time", "content-type");

	private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_ID_PREFIX,
					"classpath:" + CLASSPATH_ROOT + "schemas/")));

	/** For each topic, the CloudEvents types declared for it and the schema file of each. */
	private final Map<String, Map<String, String>> schemaByTypeByTopic;

	/** The topics that are tables (compacted): a tombstone is a record of theirs. */
	private final Set<String> compacted;

	private EventContracts(Map<String, Map<String, String>> schemaByTypeByTopic, Set<String> compacted) {
		this.schemaByTypeByTopic = schemaByTypeByTopic;
		this.compacted = compacted;
	}

	/** Loads the contract packaged on the classpath (this module's resources). */
	public static EventContracts load() {
		try (InputStream in = resource("asyncapi.yaml")) {
			JsonNode asyncapi = new YAMLMapper().readTree(in);
			return new EventContracts(readChannels(asyncapi), readCompacted(asyncapi));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The topics the contract declares, e.g. {@code notes.received.v1}. */
	public Set<String> topics() {
		return this.schemaByTypeByTopic.keySet();
	}

	/** The CloudEvents types the contract declares for a topic. */
	public Set<String> eventTypes(String topic) {
		return this.schemaByTypeByTopic.getOrDefault(topic, Map.of()).keySet();
	}

	/** Whether the topic is a table: compacted, the last record per key kept, a tombstone removing it. */
	public boolean compacted(String topic) {
		return this.compacted.contains(topic);
	}

	/**
	 * Returns every way the record breaks the contract; empty when it honours it.
	 * @param topic the record's topic
	 * @param key the record's key (expected to be ce_subject: the note id, or the office id on directory.v1)
	 * @param headers the record's headers
	 * @param body the record's value as JSON text, or null for a tombstone (only on a compacted topic)
	 */
	public List<String> violations(String topic, String key, Headers headers, String body) {
		List<String> violations = new ArrayList<>();
		Map<String, String> ce = new LinkedHashMap<>();
		for (Header header : headers) {
			ce.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
		}
		for (String required : REQUIRED_HEADERS) {
			String value = ce.get(required);
			if (value == null || value.isBlank()) {
				violations.add("missing header " + required);
			}
			else if (value.startsWith("\"")) {
				violations.add("header " + required + " is JSON-quoted (" + value + "), CloudEvents wants a plain string");
			}
		}
		if (ce.get("ce_specversion") != null && !"1.0".equals(ce.get("ce_specversion"))) {
			violations.add("ce_specversion is " + ce.get("ce_specversion") + ", expected 1.0");
		}
		if (ce.get("content-type") != null && !ce.get("content-type").startsWith("application/json")) {
			violations.add("content-type is " + ce.get("content-type") + ", expected application/json");
		}
		if (ce.get("ce_time") != null) {
			try {
				OffsetDateTime.parse(ce.get("ce_time"));
			}
			catch (DateTimeParseException ex) {
				violations.add("ce_time is not an RFC 3339 timestamp: " + ce.get("ce_time"));
			}
		}
		if (key == null || !key.equals(ce.get("ce_subject"))) {
			violations.add("record key " + key + " is not the subject in ce_subject " + ce.get("ce_subject"));
		}
		Map<String, String> types = this.schemaByTypeByTopic.get(topic);
		if (types == null) {
			violations.add("topic " + topic + " is not in asyncapi.yaml");
			return violations;
		}
		String schemaFile = types.get(ce.get("ce_type"));
		if (schemaFile == null) {
			violations.add("ce_type " + ce.get("ce_type") + " is not declared for " + topic + " (declared: "
					+ types.keySet() + ")");
			return violations;
		}
		if (body == null) {
			if (!compacted(topic)) {
				violations.add("a record without a body (tombstone) on " + topic + ", which is not compacted");
			}
			return violations;
		}
		violations.addAll(schemaViolations(schemaFile, body));
		return violations;
	}

	/** Throws an {@link AssertionError} listing the violations, if any. */
	public void assertHonoured(String topic, String key, Headers headers, String body) {
		List<String> violations = violations(topic, key, headers, body);
		if (!violations.isEmpty()) {
			throw new AssertionError("Record on " + topic + " breaks the contract:\n - "
					+ String.join("\n - ", violations) + "\nbody: " + body);
		}
	}

	/** Validates a JSON document against one schema file of {@code schemas/} (e.g. {@code note-received.v1.schema.json}). */
	public List<String> schemaViolations(String schemaFile, String json) {
		Schema schema = this.schemas.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + schemaFile));
		List<Error> errors = schema.validate(json, InputFormat.JSON,
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
		return errors.stream().map(Error::toString).toList();
	}

	private static Map<String, Map<String, String>> readChannels(JsonNode asyncapi) {
		Map<String, Map<String, String>> result = new LinkedHashMap<>();
		JsonNode messages = asyncapi.path("components").path("messages");
		for (JsonNode channel : asyncapi.path("channels")) {
			Map<String, String> types = new LinkedHashMap<>();
			for (JsonNode message : channel.path("messages")) {
				String ref = message.path("$ref").asString();
				JsonNode definition = messages.path(ref.substring(ref.lastIndexOf('/') + 1));
				String payload = definition.path("payload").path("$ref").asString();
				types.put(definition.path("x-ce-type").asString(), payload.substring(payload.lastIndexOf('/') + 1));
			}
			result.put(channel.path("address").asString(), types);
		}
		return result;
	}

	private static Set<String> readCompacted(JsonNode asyncapi) {
		Set<String> result = new HashSet<>();
		for (JsonNode channel : asyncapi.path("channels")) {
			for (JsonNode policy : channel.path("bindings").path("kafka").path("topicConfiguration")
				.path("cleanup.policy")) {
				if ("compact".equals(policy.asString())) {
					result.add(channel.path("address").asString());
				}
			}
		}
		return Set.copyOf(result);
	}

	private static InputStream resource(String name) {
		InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name);
		if (in == null) {
			throw new IllegalStateException("contracts/" + name + " is not on the classpath");
		}
		return in;
	}

}
