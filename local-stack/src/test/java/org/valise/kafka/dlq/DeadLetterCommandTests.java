package org.valise.kafka.dlq;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeadLetterCommandTests {

	@Test
	void listsTheDefaultDeadLetterTopicsOnTheLocalBroker() throws Exception {
		DeadLetterCommand command = DeadLetterCommand.parse(new String[] { "list" }, Map.<String, String>of()::get);

		assertThat(command.replay()).isFalse();
		assertThat(command.topics()).containsExactly("notes.received.v1.dlq", "notification.dlq.v1");
		assertThat(command.bootstrapServers()).isEqualTo("127.0.0.1:9092");
		assertThat(command.max()).isEqualTo(100);
		assertThat(command.commandConfig()).isNull();
	}

	@Test
	void listsTheTopicsAndBrokersOfTheEnvironmentUnlessGivenOnTheCommandLine() throws Exception {
		Map<String, String> environment = Map.of("VALISE_DLQ_TOPICS", " a.dlq, b.dlq ,", "KAFKA_BOOTSTRAP_SERVERS",
				"kafka:29092");

		DeadLetterCommand configured = DeadLetterCommand.parse(new String[] { "list" }, environment::get);
		DeadLetterCommand given = DeadLetterCommand.parse(new String[] { "list", "--topic", "c.dlq",
				"--bootstrap-servers", "127.0.0.1:19092", "--max", "5", "--show-headers", "--command-config",
				"admin.properties" }, environment::get);

		assertThat(configured.topics()).containsExactly("a.dlq", "b.dlq");
		assertThat(configured.bootstrapServers()).isEqualTo("kafka:29092");
		assertThat(given.topics()).containsExactly("c.dlq");
		assertThat(given.bootstrapServers()).isEqualTo("127.0.0.1:19092");
		assertThat(given.max()).isEqualTo(5);
		assertThat(given.showHeaders()).isTrue();
		assertThat(given.commandConfig()).isEqualTo(Path.of("admin.properties"));
	}

	@Test
	void readsAReplayOfNamedDeadLetters() throws Exception {
		DeadLetterCommand command = DeadLetterCommand.parse(new String[] { "replay", "--topic", "notes.received.v1.dlq",
				"--offset", "1@17", "--offset", "0@3", "--dry-run" }, Map.<String, String>of()::get);

		assertThat(command.replay()).isTrue();
		assertThat(command.dryRun()).isTrue();
		assertThat(command.again()).isFalse();
		assertThat(command.selection().all()).isFalse();
		assertThat(command.selection().positions()).containsExactly(
				new DeadLetterPosition("notes.received.v1.dlq", 1, 17),
				new DeadLetterPosition("notes.received.v1.dlq", 0, 3));
	}

	@Test
	void readsAReplayOfAllDeadLettersOfOneError() throws Exception {
		DeadLetterCommand command = DeadLetterCommand.parse(new String[] { "replay", "--topic", "notification.dlq.v1",
				"--all", "--error", "processing-failed", "--again" }, Map.<String, String>of()::get);

		assertThat(command.selection().all()).isTrue();
		assertThat(command.selection().error()).isEqualTo("processing-failed");
		assertThat(command.again()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                                                    | list or replay?
			purge --topic a.dlq                                   | unknown command purge
			list --offset 1@2                                     | --offset is not an option of list
			list --max 0                                          | --max 0 is not a positive number
			list --topic                                          | --topic needs a value
			list --colour red                                     | unknown option --colour
			replay --all                                          | replay needs one --topic
			replay --topic notes.received.v1 --all                | notes.received.v1 is not a dead-letter topic
			replay --topic a.dlq                                  | replay needs --offset PARTITION@OFFSET (one or more) or --all, not both
			replay --topic a.dlq --all --offset 1@2               | replay needs --offset PARTITION@OFFSET (one or more) or --all, not both
			replay --topic a.dlq --offset 1@2 --error not-json    | --error goes with --all
			replay --topic a.dlq --offset 17                      | --offset 17 is not PARTITION@OFFSET (e.g. 1@17)
			replay --topic a.dlq --offset -1@3                    | --offset -1@3 is not PARTITION@OFFSET (e.g. 1@17)
			replay --topic a.dlq --all --show-headers             | --show-headers is not an option of replay
			""")
	void refusesAWrongCommandLine(String line, String message) {
		String[] args = line.isBlank() ? new String[0] : line.trim().split(" +");

		assertThatExceptionOfType(DeadLetterCommand.UsageException.class)
			.isThrownBy(() -> DeadLetterCommand.parse(args, Map.<String, String>of()::get))
			.withMessageStartingWith(message);
	}

	@Test
	void exitsWithTwoAndTheUsageOnAWrongCommandLineWithoutConnecting() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = DeadLetterTool.run(new String[] { "replay", "--topic", "notes.received.v1.dlq" },
				Map.<String, String>of()::get, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("dlq: replay needs --offset")
			.contains(DeadLetterTool.USAGE);
	}

	@Test
	void recognisesDeadLetterTopicsByConfigurationOrName() {
		DeadLetterTopics topics = new DeadLetterTopics(List.of("notes.quarantine.v1"));

		assertThat(topics.isDeadLetterTopic("notes.quarantine.v1")).isTrue();
		assertThat(topics.isDeadLetterTopic("notes.received.v1.dlq")).isTrue();
		assertThat(topics.isDeadLetterTopic("notification.DLQ.v1")).isTrue();
		assertThat(topics.isDeadLetterTopic("orders-dlt")).isTrue();
		assertThat(topics.isDeadLetterTopic("notes.received.v1")).isFalse();
		assertThat(topics.isDeadLetterTopic("notes.dlqs.v1")).isFalse();
	}

}
