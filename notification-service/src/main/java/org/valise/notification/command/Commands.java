package org.valise.notification.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.valise.notification.ValiseProperties;
import org.valise.notification.event.EventNotPublished;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.requestreply.KafkaReplyTimeoutException;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.RequestReplyFuture;
import org.springframework.stereotype.Component;

/**
 * Sends commands to the tracking topology on {@code notification.commands.v1} (keyed by note id, so they are decided
 * in order with the note's events, by whichever instance holds the note) and, for the ones a caller waits for, waits
 * for the decision the topology publishes in the same transaction as the facts.
 */
@Component
public class Commands {

	/** The header naming the command's type. */
	public static final String TYPE_HEADER = "valise_command";

	/** The header correlating a command and its result. */
	public static final String CORRELATION_HEADER = "valise_correlation_id";

	public static final String ACKNOWLEDGE_NOTE = "AcknowledgeNote";

	public static final String DELIVERY_ATTEMPTED = "DeliveryAttempted";

	public static final String RETRY_DELIVERY = "RetryDelivery";

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

	private final ReplyingKafkaTemplate<String, String, String> kafka;

	private final JsonMapper json;

	private final String topic;

	Commands(ReplyingKafkaTemplate<String, String, String> kafka, JsonMapper json, ValiseProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.topic = properties.topics().commands();
	}

	/**
	 * Sends a command and waits for its decision.
	 * @return the decision, or {@link CommandResult#pending} when none came within the timeout
	 * @throws EventNotPublished when Kafka did not take the command
	 */
	public CommandResult request(UUID noteId, String type, String commandId, Object command, Duration timeout) {
		// The template adds the correlation header; the topology copies it onto its result.
		ProducerRecord<String, String> record = record(noteId, type, command);
		RequestReplyFuture<String, String, String> reply;
		try {
			reply = this.kafka.sendAndReceive(record, timeout);
			reply.getSendFuture().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventNotPublished("Interrupted while sending " + type + " for note " + noteId, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new EventNotPublished("Kafka did not take " + type + " for note " + noteId, ex);
		}
		try {
			ConsumerRecord<String, String> result = reply.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			return this.json.readValue(result.value(), CommandResult.class);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CommandResult.pending(commandId, noteId);
		}
		catch (TimeoutException ex) {
			return CommandResult.pending(commandId, noteId);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof KafkaReplyTimeoutException) {
				return CommandResult.pending(commandId, noteId);
			}
			throw new EventNotPublished("No decision on " + type + " for note " + noteId, ex);
		}
	}

	private ProducerRecord<String, String> record(UUID noteId, String type, Object command) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, noteId.toString(),
				this.json.writeValueAsString(command));
		record.headers().add(TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
