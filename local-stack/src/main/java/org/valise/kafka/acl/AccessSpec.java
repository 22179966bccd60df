package org.valise.kafka.acl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Who may do what on Valise's Kafka cluster, as {@code deploy/kafka/acl-spec.yml} declares it: the topics (with the
 * partitions and configs they are created with) and, for each principal, the topics it writes and reads and the
 * prefixes it owns. A spec that breaks the one-writer rule or names an undeclared topic is refused when loaded.
 *
 * @param topics the declared topics by name, in declaration order
 * @param principals the principals by name, in declaration order
 */
public record AccessSpec(Map<String, Topic> topics, Map<String, Principal> principals) {

	/** The broker's own principal and the one super user: never declared in a spec. */
	public static final String ADMIN = "admin";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

	private static final Set<String> TOP_LEVEL_KEYS = Set.of("topics", "principals");

	private static final Set<String> TOPIC_KEYS = Set.of("partitions", "config");

	private static final Set<String> PRINCIPAL_KEYS = Set.of("writes", "reads", "owns", "groups");

	/**
	 * A topic as the ACL tool creates it when it does not exist yet.
	 *
	 * @param name the topic's name
	 * @param partitions how many partitions it is created with
	 * @param config the topic configs it is created with (e.g. retention.ms)
	 */
	public record Topic(String name, int partitions, Map<String, String> config) {
	}

	/**
	 * One principal's rights.
	 *
	 * @param name the SCRAM user name (principal User:name)
	 * @param writes the topics it is the one writer of
	 * @param reads the topics it reads
	 * @param owns the prefixes of its own topics, consumer groups and transactional ids
	 * @param groups the prefixes of the consumer groups it may use (besides those under {@code owns})
	 */
	public record Principal(String name, List<String> writes, List<String> reads, List<String> owns,
			List<String> groups) {

		/** The environment variable that holds this principal's SCRAM password: VALISE_KAFKA_PASSWORD_INTAKE_SERVICE. */
		public String passwordVariable() {
			return passwordVariable(this.name);
		}

		/** The environment variable that holds the SCRAM password of the named principal (admin too). */
		public static String passwordVariable(String name) {
			return "VALISE_KAFKA_PASSWORD_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
		}

	}

	/** Reads and checks a spec file. */
	public static AccessSpec load(Path file) throws IOException {
		return parse(Files.readString(file), file.toString());
	}

	/**
	 * Parses and checks a spec.
	 * @param yaml the spec's text
	 * @param origin where it comes from, for error messages
	 * @throws IllegalArgumentException naming every problem found
	 */
	public static AccessSpec parse(String yaml, String origin) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		List<String> problems = new ArrayList<>();
		Map<String, Object> document = map(root, "the document", problems);
		unknownKeys(document, TOP_LEVEL_KEYS, "the document", problems);
		Map<String, Topic> topics = new LinkedHashMap<>();
		map(document.get("topics"), "topics", problems).forEach((name, value) -> {
			String where = "topic " + name;
			checkName(name, where, problems);
			Map<String, Object> topic = map(value, where, problems);
			unknownKeys(topic, TOPIC_KEYS, where, problems);
			Object partitions = topic.getOrDefault("partitions", 1);
			int count = (partitions instanceof Integer number) ? number : 0;
			if (count < 1) {
				problems.add(where + ": partitions must be a whole number of at least 1, not " + partitions);
			}
			Map<String, String> config = new LinkedHashMap<>();
			map(topic.get("config"), where + " config", problems)
				.forEach((key, setting) -> config.put(key, String.valueOf(setting)));
			topics.put(name, new Topic(name, count, Collections.unmodifiableMap(config)));
		});
		if (topics.isEmpty()) {
			problems.add("topics: none declared");
		}
		Map<String, Principal> principals = new LinkedHashMap<>();
		map(document.get("principals"), "principals", problems).forEach((name, value) -> {
			String where = "principal " + name;
			checkName(name, where, problems);
			if (ADMIN.equals(name)) {
				problems.add(where + ": admin is the broker's own principal and the super user; it needs no ACLs");
			}
			Map<String, Object> principal = map(value, where, problems);
			unknownKeys(principal, PRINCIPAL_KEYS, where, problems);
			principals.put(name,
					new Principal(name, strings(principal.get("writes"), where + " writes", problems),
							strings(principal.get("reads"), where + " reads", problems),
							strings(principal.get("owns"), where + " owns", problems),
							strings(principal.get("groups"), where + " groups", problems)));
		});
		if (principals.isEmpty()) {
			problems.add("principals: none declared");
		}
		AccessSpec spec = new AccessSpec(Collections.unmodifiableMap(topics), Collections.unmodifiableMap(principals));
		spec.check(problems);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(origin + " is not a valid ACL spec:\n  - " + String.join("\n  - ", problems));
		}
		return spec;
	}

	/** The one principal that writes the topic, if any. */
	public Optional<String> writerOf(String topic) {
		return this.principals.values().stream().filter((p) -> p.writes().contains(topic)).map(Principal::name).findFirst();
	}

	private void check(List<String> problems) {
		Map<String, List<String>> writers = new LinkedHashMap<>();
		this.topics.keySet().forEach((topic) -> writers.put(topic, new ArrayList<>()));
		for (Principal principal : this.principals.values()) {
			for (String topic : principal.writes()) {
				if (!this.topics.containsKey(topic)) {
					problems.add("principal " + principal.name() + " writes " + topic + ", which is not declared under topics");
				}
				else {
					writers.get(topic).add(principal.name());
				}
			}
			for (String topic : principal.reads()) {
				if (!this.topics.containsKey(topic)) {
					problems.add("principal " + principal.name() + " reads " + topic + ", which is not declared under topics");
				}
			}
			for (String prefix : concat(principal.owns(), principal.groups())) {
				if (prefix.length() < 3) {
					problems.add("principal " + principal.name() + ": prefix '" + prefix + "' is too short (3 characters at least)");
				}
			}
		}
		// All rights on an owned prefix would let its owner write every topic under it.
		for (Principal principal : this.principals.values()) {
			for (String prefix : principal.owns()) {
				this.topics.keySet()
					.stream()
					.filter((topic) -> topic.startsWith(prefix))
					.filter((topic) -> writerOf(topic).filter((writer) -> !writer.equals(principal.name())).isPresent())
					.forEach((topic) -> problems.add("principal " + principal.name() + " owns the prefix " + prefix
							+ ", which covers " + topic + ", written by " + writerOf(topic).orElseThrow()
							+ " (one writer per topic)"));
			}
		}
		writers.forEach((topic, names) -> {
			if (names.isEmpty()) {
				problems.add("topic " + topic + " has no writer (every topic has exactly one)");
			}
			else if (names.size() > 1) {
				problems.add("topic " + topic + " has " + names.size() + " writers: " + String.join(", ", names)
						+ " (one writer per topic)");
			}
		});
		// An owned prefix must not cover another principal's owned or group prefix (nor be covered by it).
		for (Principal owner : this.principals.values()) {
			for (String owned : owner.owns()) {
				for (Principal other : this.principals.values()) {
					if (other == owner) {
						continue;
					}
					for (String prefix : concat(other.owns(), other.groups())) {
						if (prefix.startsWith(owned) || owned.startsWith(prefix)) {
							problems.add("principal " + owner.name() + " owns the prefix " + owned + ", which overlaps "
									+ other.name() + "'s prefix " + prefix);
						}
					}
				}
			}
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static void checkName(String name, String where, List<String> problems) {
		if (!NAME.matcher(name).matches()) {
			problems.add(where + ": a name is made of letters, digits, '.', '_' and '-'");
		}
	}

	private static void unknownKeys(Map<String, Object> map, Set<String> known, String where, List<String> problems) {
		map.keySet().stream().filter((key) -> !known.contains(key)).forEach((key) -> problems
			.add(where + ": unknown key '" + key + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, String where, List<String> problems) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			problems.add(where + ": expected a mapping, found " + value);
			return Map.of();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		map.forEach((key, entry) -> result.put(String.valueOf(key), entry));
		return result;
	}

	private static List<String> strings(Object value, String where, List<String> problems) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			problems.add(where + ": expected a list, e.g. [a, b], found " + value);
			return List.of();
		}
		List<String> result = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof String text) || text.isBlank()) {
				problems.add(where + ": expected names, found " + item);
			}
			else if (result.contains(text)) {
				problems.add(where + ": " + text + " is listed twice");
			}
			else {
				result.add(text);
			}
		}
		return List.copyOf(result);
	}

}
