package org.valise.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.valise.kafka.acl.AccessBindings;
import org.valise.kafka.acl.AccessSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Kafka authenticated and authorised, on a real broker secured as {@code ./valise up --secure-kafka} and the compose
 * override run it ({@link SecuredKafka}): each principal of deploy/kafka/acl-spec.yml, with plain Kafka clients over
 * SASL/SCRAM and TLS, may do what the spec grants it and nothing else.
 */
class KafkaAclTests {

	private static final Duration POLL = Duration.ofMillis(200);

	private static SecuredKafka kafka;

	private static AccessSpec spec;

	/** The clients log every refusal this class provokes at ERROR, with stack traces: hundreds of expected lines. */
	private static final Logger clients = (Logger) LoggerFactory.getLogger("org.apache.kafka.clients");

	private static Level clientsLevel;

	@BeforeAll
	static void startSecuredBroker() throws Exception {
		clientsLevel = clients.getLevel();
		clients.setLevel(Level.OFF);
		kafka = SecuredKafka.start();
		spec = AccessSpec.load(SecuredKafka.SPEC);
	}

	@AfterAll
	static void stopSecuredBroker() throws Exception {
		clients.setLevel(clientsLevel);
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void refusesIntakeServiceAWriteToNotesRouted() {
		try (KafkaProducer<String, String> intake = idempotentProducer("intake-service")) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> intake.send(new ProducerRecord<>("notes.routed.v1", "note-1", "{}")).get())
				.withCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void letsNoPrincipalButNotificationServiceWriteNotificationCommands() {
		List<String> writers = new ArrayList<>();
		for (String principal : principals()) {
			if (writes(principal, "notification.commands.v1")) {
				writers.add(principal);
			}
		}

		assertThat(writers).containsExactly("notification-service");
	}

	@Test
	void letsTheArchiveReadEveryEventTopicAndWriteNone() {
		List<String> eventTopics = List.of("notes.received.v1", "notes.routed.v1", "notes.delivery.v1",
				"notes.received.v1.dlq");
		eventTopics.forEach((topic) -> writes(spec.writerOf(topic).orElseThrow(), topic));

		assertThat(eventTopics).allSatisfy((topic) -> assertThat(reads("archive", topic)).as(topic).isTrue());
		assertThat(topics()).allSatisfy((topic) -> assertThat(writes("archive", topic)).as(topic).isFalse());
		assertThat(reads("archive", "notification.commands.v1")).isFalse();
		assertThat(reads("archive", "routing.commands.v1")).isFalse();
	}

	/**
	 * Every principal (and one the spec does not know) tries to write, then to read, every declared topic; the result
	 * is the spec's matrix exactly, and is printed.
	 */
	@Test
	void enforcesTheSpecsWriteAndReadMatrixOnEveryTopic() throws Exception {
		// given a principal with a password but no ACL
		try (Admin admin = Admin.create(kafka.client(AccessSpec.ADMIN))) {
			admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("stranger",
					new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), "stranger-password")))
				.all()
				.get();
		}
		List<String> principals = new ArrayList<>(principals());
		principals.add("stranger");

		// when each tries to write each topic, then to read each (one producer, one consumer per principal)
		Map<String, List<Boolean>> written = new LinkedHashMap<>();
		for (String principal : principals) {
			try (KafkaProducer<String, String> producer = idempotentProducer(principal)) {
				written.put(principal, topics().stream().map((topic) -> writes(producer, principal, topic)).toList());
			}
		}
		Map<String, List<Boolean>> read = new LinkedHashMap<>();
		for (String principal : principals) {
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(principal))) {
				read.put(principal, topics().stream().map((topic) -> reads(consumer, topic)).toList());
			}
		}
		List<List<String>> observed = new ArrayList<>();
		for (int t = 0; t < topics().size(); t++) {
			List<String> row = new ArrayList<>();
			for (String principal : principals) {
				String cell = (written.get(principal).get(t) ? "W" : "") + (read.get(principal).get(t) ? "R" : "");
				row.add(cell.isEmpty() ? "-" : cell);
			}
			observed.add(row);
		}
		String matrix = AccessBindings.table("topic (W write, R read)", topics(), principals, observed);
		System.out.println("Authorisation matrix observed on the secured broker:\n" + matrix);

		// then it is what the spec grants, and the stranger may do nothing
		for (int t = 0; t < topics().size(); t++) {
			String topic = topics().get(t);
			for (int p = 0; p < principals().size(); p++) {
				AccessSpec.Principal principal = spec.principals().get(principals().get(p));
				String expected = (principal.writes().contains(topic) ? "W" : "") + (principal.reads().contains(topic) ? "R" : "");
				assertThat(observed.get(t).get(p)).as(principal.name() + " on " + topic)
					.isEqualTo(expected.isEmpty() ? "-" : expected);
			}
			assertThat(observed.get(t).get(principals.size() - 1)).as("stranger on " + topic).isEqualTo("-");
		}
		try (Admin admin = Admin.create(kafka.client(AccessSpec.ADMIN))) {
			assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get())
				.containsExactlyInAnyOrderElementsOf(AccessBindings.of(spec));
		}
	}

	/** As Kafka Streams with exactly_once_v2 does: transactional id and group under the application.id. */
	@Test
	void letsEachStreamsApplicationCommitTransactionsUnderItsOwnIdsAndGroupOnly() throws Exception {
		// routing-service: consume notes.received.v1 → produce notes.routed.v1 → commit offsets, one transaction
		writes("intake-service", "notes.received.v1");
		assertThatNoException().isThrownBy(() -> consumeAndProduce("routing-service", "routing-service", "routing-service",
				"notes.received.v1", "notes.routed.v1"));
		assertThatNoException().isThrownBy(() -> consumeAndProduce("notification-service", "notification-service-tracking",
				"notification-service-tracking", "notes.routed.v1", "notes.delivery.v1"));

		// another principal's transactional ids and group are refused
		assertThatExceptionOfType(TransactionalIdAuthorizationException.class).isThrownBy(() -> consumeAndProduce(
				"routing-service", "notification-service-tracking", "routing-service", "notes.received.v1", "notes.routed.v1"));
		assertThatExceptionOfType(GroupAuthorizationException.class).isThrownBy(() -> consumeAndProduce("routing-service",
				"routing-service", "notification-service-tracking", "notes.received.v1", "notes.routed.v1"));
		assertThatExceptionOfType(GroupAuthorizationException.class)
			.isThrownBy(() -> consumeWithGroup("archive", "routing-service", "notes.routed.v1"));
		assertThatNoException().isThrownBy(() -> consumeWithGroup("archive", "archive-test", "notes.routed.v1"));
	}

	@Test
	void letsEachServiceCreateTopicsUnderItsOwnPrefixOnly() {
		assertThat(creates("routing-service", "routing-service-registry-test-changelog")).isTrue();
		assertThat(creates("notification-service", "notification-service-tracking-test-repartition")).isTrue();
		assertThat(creates("intake-service", "intake-service-idempotency-test")).isTrue();

		assertThat(creates("intake-service", "routing-service-sneaky")).isFalse();
		assertThat(creates("notification-service", "notes.routed.v2")).isFalse();
		assertThat(creates("archive", "archive-copy-of-notes")).isFalse();
	}

	@Test
	void refusesAWrongPassword() {
		Properties properties = kafka.client("intake-service", "not-the-password");
		try (Admin admin = Admin.create(properties)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().clusterId().get())
				.withCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	// ---------------------------------------------------------------- one attempt each, with plain Kafka clients

	private static List<String> principals() {
		return List.copyOf(spec.principals().keySet());
	}

	private static List<String> topics() {
		return List.copyOf(spec.topics().keySet());
	}

	/** Whether the principal's idempotent producer (acks=all, as intake's) can write a record to the topic. */
	private static boolean writes(String principal, String topic) {
		try (KafkaProducer<String, String> producer = idempotentProducer(principal)) {
			return writes(producer, principal, topic);
		}
	}

	private static boolean writes(KafkaProducer<String, String> producer, String principal, String topic) {
		try {
			producer.send(new ProducerRecord<>(topic, "key", "from " + principal)).get();
			return true;
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).as(principal + " writing " + topic).isInstanceOf(AuthorizationException.class);
			return false;
		}
		catch (KafkaException ex) {
			// A principal that may write no topic at all: the idempotent producer's InitProducerId may be refused
			// (ClusterAuthorizationException) before the send, which then fails at once, the producer in error.
			assertThat(ex.getCause()).as(principal + " writing " + topic).isInstanceOf(AuthorizationException.class);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the principal can read records of the topic (without a group; the topic's writer wrote one). */
	private static boolean reads(String principal, String topic) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(principal))) {
			return reads(consumer, topic);
		}
	}

	private static boolean reads(KafkaConsumer<String, String> consumer, String topic) {
		List<TopicPartition> partitions = partitions(topic);
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		try {
			ConsumerRecords<String, String> first = consumer.poll(POLL);
			if (!first.isEmpty()) {
				return true;
			}
			await().atMost(Duration.ofSeconds(15)).until(() -> !consumer.poll(POLL).isEmpty());
			return true;
		}
		catch (TopicAuthorizationException ex) {
			return false;
		}
	}

	/** Whether the principal's admin client can create the topic (as its KafkaAdmin or Kafka Streams would). */
	private static boolean creates(String principal, String topic) {
		try (Admin admin = Admin.create(kafka.client(principal))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
			return true;
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).as(principal + " creating " + topic).isInstanceOf(TopicAuthorizationException.class);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads the input with the group, and in one transaction writes a record to the output and commits the group's
	 * offsets: what a Kafka Streams task does with exactly_once_v2 (transactional.id = application.id-processId-n).
	 */
	private static void consumeAndProduce(String principal, String transactionalIdPrefix, String group, String input,
			String output) throws Exception {
		Properties producerProperties = producerProperties(principal);
		producerProperties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
				transactionalIdPrefix + "-" + UUID.randomUUID() + "-1");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties)) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(output, "key", "in a transaction of " + principal));
			TopicPartition partition = new TopicPartition(input, 0);
			producer.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(0)), new ConsumerGroupMetadata(group));
			producer.commitTransaction();
		}
		catch (KafkaException ex) {
			// the authorization error itself, whether the producer raised it or wrapped it
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof AuthorizationException authorization) {
					throw authorization;
				}
			}
			throw ex;
		}
	}

	/** Subscribes with the group, reads, commits. */
	private static void consumeWithGroup(String principal, String group, String topic) {
		Properties properties = consumerProperties(principal);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.poll(POLL).isEmpty());
			consumer.commitSync();
		}
	}

	private static List<TopicPartition> partitions(String topic) {
		int count = spec.topics().get(topic).partitions();
		return IntStream.range(0, count).mapToObj((partition) -> new TopicPartition(topic, partition)).toList();
	}

	private static KafkaProducer<String, String> idempotentProducer(String principal) {
		return new KafkaProducer<>(producerProperties(principal));
	}

	private static Properties producerProperties(String principal) {
		Properties properties = client(principal);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return properties;
	}

	private static Properties consumerProperties(String principal) {
		Properties properties = client(principal);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return properties;
	}

	private static Properties client(String principal) {
		return "stranger".equals(principal) ? kafka.client(principal, "stranger-password") : kafka.client(principal);
	}

}
