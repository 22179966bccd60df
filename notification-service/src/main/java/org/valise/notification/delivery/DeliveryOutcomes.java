package org.valise.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.valise.notification.command.Commands;
import org.valise.notification.command.DeliveryAttempted;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Reports each attempt's outcome to the tracking topology as a DeliveryAttempted command on
 * {@code notification.commands.v1} (binding {@code outcomes}), keyed by note id. Called on the sender's consumer
 * thread, so the report joins the Kafka transaction that commits the job's offset: an outcome exists exactly when the
 * job counts as done.
 */
@Component
class DeliveryOutcomes {

	/** The output binding of the outcomes. */
	static final String BINDING = "outcomes";

	private final StreamBridge bridge;

	private final JsonMapper json;

	DeliveryOutcomes(StreamBridge bridge, JsonMapper json) {
		this.bridge = bridge;
		this.json = json;
	}

	/**
	 * @param trace the headers carrying the attempt's trace ({@code traceparent}, {@code ce_traceid})
	 * @throws IllegalStateException when the binder did not take it (the batch is rolled back and made again)
	 */
	void report(DeliveryJob job, AttemptOutcome outcome, Instant at, Headers trace) {
		DeliveryAttempted attempted = new DeliveryAttempted(job.noteId(), job.deliveryId(), job.round(), job.attempt(),
				outcome.succeeded(), outcome.permanent(), outcome.error(), at);
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(this.json.writeValueAsBytes(attempted))
			.setHeader(KafkaHeaders.KEY, job.noteId().toString().getBytes(StandardCharsets.UTF_8))
			.setHeader(Commands.TYPE_HEADER, Commands.DELIVERY_ATTEMPTED.getBytes(StandardCharsets.UTF_8));
		for (Header header : trace) {
			message.setHeader(header.key(), header.value());
		}
		Message<byte[]> built = message.build();
		if (!this.bridge.send(BINDING, built)) {
			throw new IllegalStateException("The outcome of delivery " + job.deliveryId() + " was not sent");
		}
	}

}
