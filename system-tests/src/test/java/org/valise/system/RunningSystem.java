package org.valise.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;

/**
 * Valise as {@code ./valise up} runs it: the three services from their packaged jars as separate processes, over one
 * Kafka broker and a GreenMail SMTP server standing for the offices' mail server, trusting the test key's tokens
 * ({@link TestTokens}). Closing it stops the services, the mail server and the broker it was given.
 */
final class RunningSystem implements AutoCloseable {

	/** A registry that submits notes. */
	static final String REGISTRY_TOKEN = TestTokens.token("registry", Role.SUBMITTER, null);

	/** A registry clerk, who reads every note. */
	static final String CLERK_TOKEN = TestTokens.token("clerk", Role.CLERK, null);

	static final String ODG_TOKEN = TestTokens.office("ODG");

	static final String DMM_TOKEN = TestTokens.office("DMM");

	private final String bootstrapServers;

	private final AutoCloseable broker;

	private final GreenMail mail;

	private final List<ServiceProcess> services = new ArrayList<>();

	private ServiceProcess intake;

	private ServiceProcess routing;

	private ServiceProcess notification;

	private RunningSystem(String bootstrapServers, AutoCloseable broker) {
		this.bootstrapServers = bootstrapServers;
		this.broker = broker;
		this.mail = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/** Starts the system over a real KRaft broker in this JVM, and waits until every service is ready. */
	static RunningSystem overEmbeddedBroker() throws Exception {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		// A single broker: the internal topics the services' transactions and groups need get one replica.
		broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
				"group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
		return over(broker.getBrokersAsString(), broker::destroy);
	}

	/**
	 * Starts the system over a broker, and waits until every service is ready.
	 * @param broker what closes the broker with the system, or null when the broker lives on
	 */
	static RunningSystem over(String bootstrapServers, AutoCloseable broker) throws Exception {
		RunningSystem system = new RunningSystem(bootstrapServers, broker);
		try {
			system.start();
		}
		catch (Exception | Error ex) {
			system.close();
			throw ex;
		}
		return system;
	}

	private void start() throws Exception {
		this.mail.start();
		Path state = Files.createTempDirectory("valise-system-state");
		int notificationPort = ServiceProcess.freePort();
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", this.bootstrapServers, "VALISE_STATE_DIR",
				state.toString(), "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(this.mail.getSmtp().getPort()),
				"VALISE_TRACKING_URL", "http://127.0.0.1:" + notificationPort + "/api/v1/notes/{noteId}");
		this.notification = start("notification-service", notificationPort, environment);
		this.routing = start("routing-service", ServiceProcess.freePort(), environment);
		this.intake = start("intake-service", ServiceProcess.freePort(), environment);
		for (ServiceProcess service : this.services) {
			service.awaitReady(Duration.ofSeconds(150));
		}
	}

	private ServiceProcess start(String name, int port, Map<String, String> environment, String... arguments)
			throws Exception {
		ServiceProcess service = ServiceProcess.start(name, port, environment, arguments);
		this.services.add(service);
		return service;
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	GreenMail mail() {
		return this.mail;
	}

	ServiceProcess intake() {
		return this.intake;
	}

	ServiceProcess routing() {
		return this.routing;
	}

	ServiceProcess notification() {
		return this.notification;
	}

	@Override
	public void close() throws Exception {
		this.services.forEach(ServiceProcess::close);
		this.mail.stop();
		if (this.broker != null) {
			this.broker.close();
		}
	}

}
