package org.valise.kafka.dlq;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The command line of the dead-letter tool ({@code ./valise dlq list|replay}): lists the dead letters of the
 * services' dead-letter topics, and replays chosen ones to the topics they came from, once.
 *
 * <pre>
 * java -cp 'local-stack/target/lib/*:local-stack/target/valise-kafka-acl.jar' org.valise.kafka.dlq.DeadLetterTool \
 *     list [--topic T]... [--max N] [--show-headers]
 * java -cp ... org.valise.kafka.dlq.DeadLetterTool \
 *     replay --topic T (--offset P@O... | --all [--error E]) [--dry-run] [--again]
 * </pre>
 *
 * Exit status 0 when done, 1 when a dead letter was refused or Kafka failed (one message on standard error), 2 on a
 * usage error.
 */
public final class DeadLetterTool {

	static final String USAGE = """
			usage: dlq list [--topic T]... [--max N] [--show-headers]
			       dlq replay --topic T (--offset PARTITION@OFFSET... | --all [--error CODE]) [--dry-run] [--again]
			  list    every dead letter of each topic (default: $VALISE_DLQ_TOPICS, or notes.received.v1.dlq and
			          notification.dlq.v1), read_committed: where it is, where it came from, when and why it failed,
			          its key, its value's size (never the value), whether it was replayed; then a count per error.
			          --max N: the latest N per topic (default 100); --show-headers: their x-* headers too
			  replay  write the chosen dead letters back to their x-original-topic (key, value, own headers, plus
			          x-valise-replayed-from), in one transaction with their marks in valise.dlq-replays.v1; a dead
			          letter replayed before is refused (--all: skipped) unless --again; --dry-run writes nothing
			  both    --bootstrap-servers HOST:PORT (default $KAFKA_BOOTSTRAP_SERVERS, or 127.0.0.1:9092)
			          --command-config FILE (Kafka client properties, e.g. deploy/kafka/admin-client.properties)
			exit status: 0 done, 1 refused or failed, 2 usage""";

	private DeadLetterTool() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System::getenv, System.out, System.err));
	}

	/** Runs one command line; returns the exit status. */
	static int run(String[] args, Function<String, String> environment, PrintStream out, PrintStream err) {
		DeadLetterCommand command;
		try {
			command = DeadLetterCommand.parse(args, environment);
		}
		catch (DeadLetterCommand.UsageException ex) {
			err.println("dlq: " + ex.getMessage() + "\n" + USAGE);
			return 2;
		}
		try (DeadLetterKafka kafka = new DeadLetterKafka(clientConfig(command))) {
			return command.replay() ? replay(command, kafka, out, err) : list(command, kafka, out);
		}
		catch (Exception ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			StringBuilder message = new StringBuilder(
					"dlq: failed (brokers " + command.bootstrapServers() + "): " + cause);
			for (Throwable reason = cause.getCause(); reason != null; reason = reason.getCause()) {
				message.append("\n  caused by: ").append(reason);
			}
			err.println(message);
			return 1;
		}
	}

	private static int list(DeadLetterCommand command, DeadLetterKafka kafka, PrintStream out) {
		Set<String> existing = kafka.topics();
		DeadLetterListing listing = new DeadLetterListing(kafka.ledger(), command.max(), command.showHeaders());
		int total = 0;
		for (String topic : command.topics()) {
			if (!existing.contains(topic)) {
				out.println(topic + ": no such topic");
				continue;
			}
			List<DeadLetter> deadLetters = kafka.readAll(topic).stream().map(DeadLetter::of).toList();
			listing.lines(topic, deadLetters).forEach(out::println);
			total += deadLetters.size();
		}
		out.println("total: " + total + " dead letter" + ((total == 1) ? "" : "s") + " in " + command.topics().size()
				+ " topic" + ((command.topics().size() == 1) ? "" : "s"));
		return 0;
	}

	private static int replay(DeadLetterCommand command, DeadLetterKafka kafka, PrintStream out, PrintStream err)
			throws Exception {
		ReplaySelection selection = command.selection();
		Set<String> existing = kafka.topics();
		if (!existing.contains(selection.topic())) {
			err.println("dlq: refused: there is no topic " + selection.topic());
			return 1;
		}
		if (!command.dryRun()) {
			kafka.startReplaying();
		}
		ReplayLedger ledger = kafka.ledger();
		List<DeadLetter> deadLetters = kafka.readAll(selection.topic()).stream().map(DeadLetter::of).toList();
		ReplayPlan plan = ReplayPlan.of(selection, deadLetters,
				new ReplayRules(command.deadLetterTopics(), existing, ledger, command.again()));
		plan.refused().forEach((v) -> err.println("dlq: refused " + v.position() + ": " + v.reason()));
		plan.skipped().forEach((v) -> out.println("skipped " + v.position() + ": " + v.reason()));
		List<DeadLetter> chosen = plan.toReplay();
		if (!selection.all() && !plan.refused().isEmpty()) {
			err.println("dlq: nothing replayed (named dead letters are replayed all together or not at all)");
			return 1;
		}
		if (command.dryRun()) {
			chosen.forEach((d) -> out.println("would replay " + d.position() + " to " + d.originalTopic().orElseThrow()
					+ described(d)));
		}
		else if (!chosen.isEmpty()) {
			List<String> written = kafka.replay(chosen, ledger, Instant.now());
			for (int i = 0; i < chosen.size(); i++) {
				out.println("replayed " + chosen.get(i).position() + " to " + written.get(i) + described(chosen.get(i)));
			}
		}
		out.println((command.dryRun() ? "dry run, nothing written: " : "") + chosen.size() + " replayed, "
				+ plan.refused().size() + " refused, " + plan.skipped().size() + " skipped (replayed before)");
		return plan.refused().isEmpty() ? 0 : 1;
	}

	/** " (key K, N B)": the key and the value's size, never the value. */
	private static String described(DeadLetter deadLetter) {
		return " (key " + DeadLetterListing.printable(deadLetter.key()) + ", " + deadLetter.value().length + " B)";
	}

	private static Map<String, Object> clientConfig(DeadLetterCommand command) throws IOException {
		Map<String, Object> config = new HashMap<>();
		if (command.commandConfig() != null) {
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(command.commandConfig())) {
				properties.load(reader);
			}
			properties.forEach((key, value) -> config.put(key.toString(), value));
		}
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, command.bootstrapServers());
		config.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
		return config;
	}

}
