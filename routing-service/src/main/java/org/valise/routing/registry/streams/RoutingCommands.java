package org.valise.routing.registry.streams;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.valise.routing.registry.CommandOutcome;
import org.valise.routing.registry.RoutingCommand;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a clerk's routing command to the registry desk through {@code routing.commands.v1} (acks=all, idempotent),
 * and waits for the desk to carry it out, so that the desk stays the only writer of NoteRouted events.
 */
@Component
public class RoutingCommands {

	private static final Logger log = LoggerFactory.getLogger(RoutingCommands.class);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final KafkaTemplate<String, String> kafka;

	private final RegistryTopics topics;

	private final RoutedHeaders headers;

	private final JsonMapper json;

	private final RegistryQueries queries;

	RoutingCommands(KafkaTemplate<String, String> kafka, RegistryTopics topics, RoutedHeaders headers,
			JsonMapper json, RegistryQueries queries) {
		this.kafka = kafka;
		this.topics = topics;
		this.headers = headers;
		this.json = json;
		this.queries = queries;
	}

	/**
	 * Sends the command, then waits up to {@code timeout} for its outcome.
	 * @return the outcome, or empty if the desk has not carried it out in time (it will)
	 * @throws CommandNotSentException when Kafka did not acknowledge the command
	 */
	public Optional<CommandOutcome> send(RoutingCommand command, Duration timeout) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.commands(), null, command.noteId(),
				this.json.writeValueAsString(command), this.headers.command(command, null));
		try {
			this.kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandNotSentException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new CommandNotSentException(ex);
		}
		log.info("Sent command {} of clerk {}: route note {} to {}", command.commandId(), command.clerk(),
				command.noteId(), command.officeId());
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<CommandOutcome> outcome = this.queries.outcome(command.commandId());
			if (outcome.isPresent()) {
				return outcome;
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
		return Optional.empty();
	}

	/** Kafka did not acknowledge a command: nothing was sent. */
	public static class CommandNotSentException extends RuntimeException {

		CommandNotSentException(Throwable cause) {
			super("Kafka did not acknowledge the routing command", cause);
		}

	}

}
