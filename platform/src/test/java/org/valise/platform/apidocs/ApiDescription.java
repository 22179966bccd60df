package org.valise.platform.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI description ({@code GET /v3/api-docs}) as its tests read it: operations named
 * {@code "POST /api/v1/notes"}, each with the security schemes it requires (none: public), its responses and the
 * schema of each.
 */
public final class ApiDescription {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private final JsonNode root;

	private ApiDescription(JsonNode root) {
		this.root = root;
	}

	/** The description in that JSON. */
	public static ApiDescription of(String json) {
		return new ApiDescription(JsonMapper.builder().build().readTree(json));
	}

	/** The OpenAPI version it is written in. */
	public String version() {
		return this.root.path("openapi").asString();
	}

	/** Every operation, {@code "METHOD /path"}, in order. */
	public Set<String> operations() {
		Set<String> operations = new TreeSet<>();
		this.root.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (METHODS.contains(method.getKey())) {
				operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
			}
		}));
		return operations;
	}

	/** The operations whose path starts so. */
	public Set<String> operationsUnder(String prefix) {
		Set<String> operations = new TreeSet<>();
		operations().stream().filter((operation) -> operation.split(" ", 2)[1].startsWith(prefix)).forEach(operations::add);
		return operations;
	}

	/** Each operation and the schemes it requires (an empty list: anybody may call it). */
	public Map<String, List<String>> requirements() {
		Map<String, List<String>> requirements = new LinkedHashMap<>();
		operations().forEach((operation) -> requirements.put(operation, requirement(operation)));
		return requirements;
	}

	/** The schemes an operation requires, or {@code null} when it states none (then the global one would apply). */
	public List<String> requirement(String operation) {
		JsonNode security = operation(operation).get("security");
		if (security == null) {
			return null;
		}
		List<String> schemes = new ArrayList<>();
		security.forEach((requirement) -> requirement.propertyNames().forEach(schemes::add));
		return schemes;
	}

	/** The status codes an operation answers with. */
	public Set<String> responses(String operation) {
		return new TreeSet<>(operation(operation).path("responses").propertyNames());
	}

	/** The schema of a response in that media type: its {@code $ref}, or its {@code type}. */
	public String responseSchema(String operation, String status, String mediaType) {
		JsonNode schema = operation(operation).path("responses").path(status).path("content").path(mediaType)
			.path("schema");
		return schema.has("$ref") ? schema.path("$ref").asString() : schema.path("type").asString(null);
	}

	/** The media types of an operation's request body. */
	public Set<String> requestMediaTypes(String operation) {
		return new TreeSet<>(operation(operation).path("requestBody").path("content").propertyNames());
	}

	/** The names of an operation's parameters. */
	public List<String> parameters(String operation) {
		List<String> names = new ArrayList<>();
		operation(operation).path("parameters").forEach((parameter) -> names.add(parameter.path("name").asString()));
		return names;
	}

	/** A security scheme of the components. */
	public JsonNode securityScheme(String name) {
		return this.root.path("components").path("securitySchemes").path(name);
	}

	/** A schema of the components. */
	public JsonNode schema(String name) {
		return this.root.path("components").path("schemas").path(name);
	}

	private JsonNode operation(String operation) {
		String[] parts = operation.split(" ", 2);
		JsonNode node = this.root.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
		if (node.isMissingNode()) {
			throw new IllegalArgumentException("no operation " + operation + " in " + operations());
		}
		return node;
	}

}
