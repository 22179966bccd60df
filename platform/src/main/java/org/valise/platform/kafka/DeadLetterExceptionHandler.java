package org.valise.platform.kafka;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poison record never stops a Kafka Streams topology: a record that cannot be deserialized, whose processing
 * throws, or whose output cannot be produced (e.g. larger than the broker accepts) is sent, as it was read, to the
 * application's dead-letter topic ({@value #TOPIC_CONFIG}) with headers naming the error ({@link DeadLetters}),
 * counted, logged (never its content), and the topology continues. If the dead letter itself cannot be written,
 * the topology stops rather than lose the record.
 * <p>
 * Configured by class name for all three handlers ({@code deserialization.exception.handler},
 * {@code processing.exception.handler}, {@code production.exception.handler}), so it works the same under
 * spring-kafka and the Spring Cloud Stream Kafka Streams binder. Dead letters of the handlers are written by a
 * producer of their own (idempotent, acks=all), outside the topology's transaction: a record re-processed after an
 * aborted transaction may leave a second dead letter, never none. Records a topology refuses itself (unreadable
 * input) go to the same topic inside the transaction.
 */
public class DeadLetterExceptionHandler
		implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {

	/** The dead-letter topic of the application. */
	public static final String TOPIC_CONFIG = "valise.dead-letters.topic";

	/** Values larger than this are left out of the dead letter (their size is kept in a header). */
	public static final String MAX_VALUE_BYTES_CONFIG = "valise.dead-letters.max-value-bytes";

	private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

	private static final Map<String, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

	private String topic;

	private int maxValueBytes;

	private KafkaProducer<byte[], byte[]> producer;

	@Override
	public void configure(Map<String, ?> configs) {
		Object topicName = configs.get(TOPIC_CONFIG);
		if (topicName == null || topicName.toString().isBlank()) {
			throw new IllegalStateException(TOPIC_CONFIG + " must name the application's dead-letter topic");
		}
		this.topic = topicName.toString();
		Object max = configs.get(MAX_VALUE_BYTES_CONFIG);
		this.maxValueBytes = (max != null) ? Integer.parseInt(max.toString()) : 900_000;
		Map<String, Object> producerConfig = new HashMap<>();
		configs.forEach((key, value) -> {
			if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
					|| key.startsWith("sasl.") || key.startsWith("ssl.") || key.equals("client.dns.lookup")) {
				producerConfig.put(key, value);
			}
		});
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, this.maxValueBytes + 100_000);
		producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + this.topic);
		this.producer = PRODUCERS.computeIfAbsent(producerConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + "|"
				+ this.topic, (key) -> {
					KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
							new ByteArraySerializer());
					Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(), "dead-letters-close"));
					return created;
				});
	}

	@Override
	public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
			Exception exception) {
		boolean sent = send(context, record.key(), record.value(), record.headers(), "deserialization",
				"not-deserializable", exception);
		return sent ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
	}

	@Override
	public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
		boolean sent = send(context, context.sourceRawKey(), context.sourceRawValue(), context.headers(), "processing",
				"processing-failed", exception);
		return sent ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
	}

	@Override
	public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
			Exception exception) {
		String error = (exception instanceof org.apache.kafka.common.errors.RecordTooLargeException) ? "too-large"
				: "production-failed";
		boolean sent = send(context, record.key(), record.value(), record.headers(), "production to " + record.topic(),
				error, exception);
		return sent ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
	}

	@Override
	public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
			ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
		boolean sent = send(context, context.sourceRawKey(), context.sourceRawValue(), context.headers(),
				"serialization of the " + origin.name().toLowerCase(java.util.Locale.ROOT) + " for " + record.topic(),
				"not-serializable", exception);
		return sent ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
	}

	private boolean send(ErrorHandlerContext context, byte[] key, byte[] value, Headers original, String stage,
			String error, Exception exception) {
		String where = (context != null) ? context.topic() + "-" + context.partition() + "@" + context.offset() : "?";
		String message = DeadLetters.describe(exception);
		byte[] kept = (value != null && value.length > this.maxValueBytes) ? null : value;
		// Where the record was first read, if a reader of the topology already said so (a record read again from an
		// internal repartition topic keeps its origin), else where the failing task read it.
		boolean known = original != null && original.lastHeader(DeadLetters.ORIGINAL_TOPIC) != null;
		DeadLetters.Origin origin = (context != null && !known) ? new DeadLetters.Origin(context.topic(),
				context.partition(), context.offset(), context.timestamp()) : null;
		Headers headers = DeadLetters.headers(original, origin, stage, error, message, exception, 1, Instant.now());
		if (kept == null && value != null) {
			headers.add(DeadLetters.VALUE_OMITTED, String.valueOf(value.length).getBytes());
		}
		try {
			this.producer.send(new ProducerRecord<>(this.topic, null, key, kept, headers)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.error("Could not write the dead letter of record {} ({} at {}) to {}: {}; stopping rather than lose it",
					where, error, stage, this.topic, DeadLetters.describe(ex));
			return false;
		}
		DeadLetters.count(error);
		log.warn("Dead-lettered record {} to {} ({} at {}): {}", where, this.topic, error, stage, message);
		return true;
	}

}
