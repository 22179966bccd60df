package org.valise.kafka.dlq;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dead-letter topics the tool reads when no {@code --topic} is given: {@value #VARIABLE} (comma-separated), by
 * default routing-service's and notification-service's. A topic named like a dead-letter topic (a {@code dlq} or
 * {@code dlt} part in its name) is one too, configured or not: a replay never writes to one.
 *
 * @param configured the topics {@code list} reads by default, in order
 */
record DeadLetterTopics(List<String> configured) {

	/** The environment variable that replaces the defaults. */
	static final String VARIABLE = "VALISE_DLQ_TOPICS";

	static final List<String> DEFAULTS = List.of("notes.received.v1.dlq", "notification.dlq.v1");

	DeadLetterTopics {
		configured = List.copyOf(configured);
	}

	static DeadLetterTopics fromEnvironment(Function<String, String> environment) {
		String value = environment.apply(VARIABLE);
		if (value == null || value.isBlank()) {
			return new DeadLetterTopics(DEFAULTS);
		}
		return new DeadLetterTopics(Arrays.stream(value.split(",")).map(String::trim).filter((t) -> !t.isEmpty())
			.distinct().toList());
	}

	/** Whether records of this topic are dead letters (configured, or named as such). */
	boolean isDeadLetterTopic(String topic) {
		return this.configured.contains(topic) || Arrays.stream(topic.toLowerCase(Locale.ROOT).split("[._-]"))
			.anyMatch((part) -> part.equals("dlq") || part.equals("dlt"));
	}

	/** Whether the topic is a Kafka Streams application's own (a repartition topic or a store's changelog). */
	static boolean isStreamsInternal(String topic) {
		return topic.endsWith("-repartition") || topic.endsWith("-changelog");
	}

}
