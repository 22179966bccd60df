package org.valise.kafka.dlq;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A command line of the dead-letter tool, read and checked: {@code list} or {@code replay}, the topics, the
 * selection and the options, or a {@link UsageException} saying what is wrong.
 *
 * @param replay true for {@code replay}, false for {@code list}
 * @param topics the dead-letter topics to read (list: {@code --topic}s or the configured ones; replay: one)
 * @param selection replay: what to replay; null for list
 * @param dryRun replay: print what would be replayed, write nothing
 * @param again replay: replay dead letters replayed before too
 * @param max list: how many dead letters to print per topic (the latest)
 * @param showHeaders list: print the x-* headers
 * @param bootstrapServers the brokers
 * @param commandConfig Kafka client properties (e.g. SASL/SCRAM over TLS), or null
 * @param deadLetterTopics the configured dead-letter topics
 */
record DeadLetterCommand(boolean replay, List<String> topics, ReplaySelection selection, boolean dryRun, boolean again,
		int max, boolean showHeaders, String bootstrapServers, Path commandConfig, DeadLetterTopics deadLetterTopics) {

	static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

	static final int DEFAULT_MAX = 100;

	private static final Set<String> FLAGS = Set.of("--all", "--dry-run", "--again", "--show-headers");

	private static final Set<String> REPLAY_ONLY = Set.of("--offset", "--all", "--error", "--dry-run", "--again");

	private static final Set<String> LIST_ONLY = Set.of("--max", "--show-headers");

	/**
	 * @param environment KAFKA_BOOTSTRAP_SERVERS (the default brokers) and VALISE_DLQ_TOPICS
	 * @throws UsageException when the command line is wrong
	 */
	static DeadLetterCommand parse(String[] arguments, Function<String, String> environment) throws UsageException {
		Deque<String> args = new ArrayDeque<>(List.of(arguments));
		String verb = args.pollFirst();
		if (!"list".equals(verb) && !"replay".equals(verb)) {
			throw new UsageException((verb == null) ? "list or replay?" : "unknown command " + verb);
		}
		boolean replay = verb.equals("replay");
		DeadLetterTopics deadLetterTopics = DeadLetterTopics.fromEnvironment(environment);
		List<String> topics = new ArrayList<>();
		List<String> offsets = new ArrayList<>();
		List<String> flags = new ArrayList<>();
		String error = null;
		String max = null;
		String bootstrap = environment.apply("KAFKA_BOOTSTRAP_SERVERS");
		Path commandConfig = null;
		while (!args.isEmpty()) {
			String option = args.pollFirst();
			if ((replay && LIST_ONLY.contains(option)) || (!replay && REPLAY_ONLY.contains(option))) {
				throw new UsageException(option + " is not an option of " + verb);
			}
			if (FLAGS.contains(option)) {
				flags.add(option);
				continue;
			}
			String value = args.pollFirst();
			if (value == null || value.startsWith("--")) {
				throw new UsageException(option + " needs a value");
			}
			switch (option) {
				case "--topic" -> topics.add(value);
				case "--offset" -> offsets.add(value);
				case "--error" -> error = value;
				case "--max" -> max = value;
				case "--bootstrap-servers" -> bootstrap = value;
				case "--command-config" -> commandConfig = Path.of(value);
				default -> throw new UsageException("unknown option " + option);
			}
		}
		String brokers = (bootstrap == null || bootstrap.isBlank()) ? DEFAULT_BOOTSTRAP_SERVERS : bootstrap;
		if (!replay) {
			return new DeadLetterCommand(false, topics.isEmpty() ? deadLetterTopics.configured() : List.copyOf(topics),
					null, false, false, positive(max), flags.contains("--show-headers"), brokers, commandConfig,
					deadLetterTopics);
		}
		if (topics.size() != 1) {
			throw new UsageException("replay needs one --topic");
		}
		String topic = topics.get(0);
		if (!deadLetterTopics.isDeadLetterTopic(topic)) {
			throw new UsageException(topic + " is not a dead-letter topic (configured: "
					+ String.join(", ", deadLetterTopics.configured()) + "; see " + DeadLetterTopics.VARIABLE + ")");
		}
		boolean all = flags.contains("--all");
		if (all == !offsets.isEmpty()) {
			throw new UsageException("replay needs --offset PARTITION@OFFSET (one or more) or --all, not both");
		}
		if (error != null && !all) {
			throw new UsageException("--error goes with --all");
		}
		List<DeadLetterPosition> positions = new ArrayList<>();
		for (String offset : offsets) {
			try {
				positions.add(DeadLetterPosition.parse(topic, offset));
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException(ex.getMessage());
			}
		}
		return new DeadLetterCommand(true, List.of(topic), new ReplaySelection(topic, positions, error),
				flags.contains("--dry-run"), flags.contains("--again"), DEFAULT_MAX, false, brokers, commandConfig,
				deadLetterTopics);
	}

	private static int positive(String max) throws UsageException {
		if (max == null) {
			return DEFAULT_MAX;
		}
		try {
			int value = Integer.parseInt(max);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("--max " + max + " is not a positive number");
	}

	/** A command line that is wrong: exit status 2 with the usage. */
	static final class UsageException extends Exception {

		UsageException(String message) {
			super(message);
		}

	}

}
