package org.valise.intake.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The settings a Kafka producer actually runs with, as Kafka reads its configuration ({@link ProducerConfig}: defaults
 * included, idempotence as Kafka resolves it), and the check that it only ever acknowledges what every in-sync replica
 * has, without duplicates.
 *
 * @param acks {@code acks} ({@code all} or {@code -1} required)
 * @param idempotence {@code enable.idempotence} (required)
 * @param maxRequestSize {@code max.request.size}, bytes
 * @param deliveryTimeoutMs {@code delivery.timeout.ms}: the longest a send waits for its acknowledgement
 * @param requestTimeoutMs {@code request.timeout.ms}
 * @param maxBlockMs {@code max.block.ms}: the longest a send blocks for metadata or buffer space
 */
public record ProducerSettings(String acks, boolean idempotence, int maxRequestSize, int deliveryTimeoutMs,
		int requestTimeoutMs, long maxBlockMs) {

	/** The effective settings of a producer made from this configuration. */
	public static ProducerSettings of(Map<String, Object> configuration) {
		Map<String, Object> complete = new HashMap<>(configuration);
		complete.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		complete.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		ProducerConfig config = new ProducerConfig(complete);
		return new ProducerSettings(config.getString(ProducerConfig.ACKS_CONFIG),
				config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG),
				config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
				config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG),
				config.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG),
				config.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG));
	}

	/**
	 * Refuses a producer that could acknowledge what a broker failure may lose, or write a retried record twice.
	 * @param producer what the producer writes, for the message
	 * @throws IllegalStateException unless {@code acks=all} and {@code enable.idempotence=true}
	 */
	public ProducerSettings requireDurable(String producer) {
		if (!("all".equals(this.acks) || "-1".equals(this.acks)) || !this.idempotence) {
			throw new IllegalStateException("The producer of " + producer + " must run with acks=all and "
					+ "enable.idempotence=true (202 only once every in-sync replica has the record, never twice), "
					+ "but runs with acks=" + this.acks + ", enable.idempotence=" + this.idempotence);
		}
		return this;
	}

	/** The longest one send can take before it fails: blocked for metadata, then waiting for its acknowledgement. */
	public long longestSendMs() {
		return this.maxBlockMs + this.deliveryTimeoutMs;
	}

	@Override
	public String toString() {
		return "acks=" + this.acks + ", enable.idempotence=" + this.idempotence + ", max.request.size="
				+ this.maxRequestSize + ", delivery.timeout.ms=" + this.deliveryTimeoutMs + ", request.timeout.ms="
				+ this.requestTimeoutMs + ", max.block.ms=" + this.maxBlockMs;
	}

}
