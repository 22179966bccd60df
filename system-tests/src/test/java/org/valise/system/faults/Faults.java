package org.valise.system.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * The faults the suite injects, each through the system's outside only: signals to the processes, the broker's
 * process, the topics (a plain producer), the offices' mail server and webhook.
 */
public final class Faults {

	private static final Duration READY = Duration.ofSeconds(180);

	private Faults() {
	}

	/** Nothing goes wrong: the baseline the other rows' recovery times compare with. */
	static Fault none(Duration offset) {
		return (context) -> {
			context.at(offset);
			context.healed();
		};
	}

	/** kill -9 of the service at each offset, restarted at once (as a supervisor would) with the same instance id. */
	static Fault kill(Fleet.Service service, Duration... offsets) {
		return (context) -> {
			ServiceNode node = context.fleet().service(service);
			for (Duration offset : offsets) {
				context.at(offset);
				node.kill();
				context.event("kill -9 " + node.name());
				node.start();
				context.healed();
				node.awaitReady(READY);
				context.event(node.name() + " ready");
			}
		};
	}

	/**
	 * kill -9 of the service the moment the offices' mail server has an e-mail from it, before the server has said so:
	 * the e-mail left, its outcome never came back. Restarted at once with the same instance id.
	 */
	static Fault killRightAfterAnEmail(Fleet.Service service, Duration offset) {
		return (context) -> {
			ServiceNode node = context.fleet().service(service);
			OfficeMail mail = context.fleet().mail();
			context.at(offset);
			CompletableFuture<Void> killed = mail.onNextEmail(node::kill);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(killed::isDone);
			killed.join();
			context.event("kill -9 " + node.name() + " as the mail server received an e-mail");
			node.start();
			context.healed();
			node.awaitReady(READY);
			context.event(node.name() + " ready");
		};
	}

	/** SIGSTOP of the service for the given time (past the Kafka session timeout), then SIGCONT. */
	static Fault freeze(Fleet.Service service, Duration offset, Duration length) {
		return (context) -> {
			ServiceNode node = context.fleet().service(service);
			context.at(offset);
			node.freeze();
			context.event("SIGSTOP " + node.name());
			context.at(offset.plus(length));
			node.thaw();
			context.event("SIGCONT " + node.name());
			context.healed();
			node.awaitReady(READY);
			context.event(node.name() + " ready");
		};
	}

	/**
	 * kill -9, at one instant, of the last instance of each service and the last broker of a scaled fleet; then the
	 * broker restarted on its data and the instances with their own ids and state, as a supervisor would.
	 */
	public static Fault killOneInstanceOfEachAndABroker(Duration offset) {
		return (context) -> {
			Fleet fleet = context.fleet();
			BrokerProcess broker = fleet.brokers().get(fleet.brokers().size() - 1);
			List<ServiceNode> nodes = Arrays.stream(Fleet.Service.values())
				.map((service) -> fleet.instances(service).get(fleet.instances(service).size() - 1))
				.toList();
			context.at(offset);
			broker.kill();
			nodes.forEach(ServiceNode::kill);
			context.event("kill -9 broker " + fleet.brokers().size() + " of " + fleet.brokers().size() + ", " + nodes);
			broker.start();
			context.event("broker " + fleet.brokers().size() + " serving again");
			for (ServiceNode node : nodes) {
				node.start();
			}
			context.healed();
			fleet.awaitReady(READY);
			context.event("every instance ready");
		};
	}

	/** kill -9 of the broker, restarted on its data after the given time. */
	static Fault brokerDown(Duration offset, Duration length) {
		return (context) -> {
			BrokerProcess broker = context.fleet().broker();
			context.at(offset);
			broker.kill();
			context.event("kill -9 the broker");
			context.at(offset.plus(length));
			broker.start();
			context.event("broker serving again");
			context.healed();
			context.fleet().awaitReady(READY);
			context.event("every service ready");
		};
	}

	/**
	 * Records no registry can read, written to {@code notes.received.v1} by a plain producer: bytes that are not UTF-8,
	 * text that is not JSON, and JSON that is not a NoteReceived — each with the CloudEvents headers of a NoteReceived,
	 * so that every consumer of the topic tries to read it. Each must end up in {@code notes.received.v1.dlq}.
	 */
	static Fault poison(Duration offset) {
		return (context) -> {
			context.at(offset);
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
					ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.fleet().bootstrapServers(), ProducerConfig.ACKS_CONFIG,
					"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new StringSerializer(),
					new ByteArraySerializer())) {
				String notJsonKey = UUID.randomUUID().toString();
				String notANoteKey = UUID.randomUUID().toString();
				List<ProducerRecord<String, byte[]>> records = List.of(
						poisonRecord(UUID.randomUUID().toString(), new byte[] { (byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xFF }),
						poisonRecord(notJsonKey, "{ this is not JSON".getBytes(StandardCharsets.UTF_8)),
						poisonRecord(notANoteKey, ("{\"noteId\": \"" + notANoteKey + "\", \"hello\": \"world\"}")
							.getBytes(StandardCharsets.UTF_8)));
				for (ProducerRecord<String, byte[]> record : records) {
					producer.send(record).get(30, TimeUnit.SECONDS);
					context.poisoned(record.key());
				}
			}
			context.event("3 poison records written to " + TopicArchive.RECEIVED);
			context.healed();
		};
	}

	/** Notes of the given sizes (bytes), submitted among the load: each must flow (202) or be refused (413). */
	static Fault oversized(Duration offset, int... sizes) {
		return (context) -> {
			context.at(offset);
			for (int size : sizes) {
				context.load().submit(context.notes().ofSize(size), "oversized " + (size / 1024) + " KB");
				context.event("submitted a note of " + (size / 1024) + " KB");
			}
			context.healed();
		};
	}

	/** The webhook office answers 500 to every delivery for the given time, then 204 again. */
	static Fault failingWebhook(Duration offset, Duration length) {
		return (context) -> {
			context.at(offset);
			context.fleet().webhook().failing(true);
			context.event("webhook office " + Fleet.WEBHOOK_OFFICE + " answers 500");
			context.at(offset.plus(length));
			context.fleet().webhook().failing(false);
			context.event("webhook office answers 204 again");
			context.healed();
		};
	}

	/** Every reply of the SMTP server is delayed by the given time, for the given time. */
	static Fault slowSmtp(Duration offset, Duration length, Duration delay) {
		return (context) -> {
			context.at(offset);
			context.fleet().mail().slowDown(delay);
			context.event("SMTP server replies " + delay.toMillis() + " ms late");
			context.at(offset.plus(length));
			context.fleet().mail().slowDown(Duration.ZERO);
			context.event("SMTP server fast again");
			context.healed();
		};
	}

	private static ProducerRecord<String, byte[]> poisonRecord(String key, byte[] value) {
		return new ProducerRecord<>(TopicArchive.RECEIVED, null, key, value,
				List.of(header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()),
						header("ce_source", "/fault-harness"), header("ce_type", "org.valise.note.received.v1"),
						header("ce_time", Instant.now().toString()), header("content-type", "application/json")));
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
