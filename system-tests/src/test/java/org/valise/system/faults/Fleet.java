package org.valise.system.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole system on this machine, each part a process the faults can reach: a real Kafka broker
 * ({@link BrokerProcess}), the offices' mail server ({@link OfficeMail}), one office taking its notes by webhook
 * ({@link WebhookOffice}: {@value #WEBHOOK_OFFICE}, whose e-mail channel the harness's copy of the directory replaces)
 * and the three services from their packaged jars ({@link ServiceNode}). Everything lives in a fresh temporary
 * directory and on free ports of 127.0.0.1; logs go to {@code target/faults/run-<start>/fleet-<n>/}.
 */
public final class Fleet implements AutoCloseable {

	/**
	 * How a fleet is started: where its logs go, whether one office takes its notes by webhook (the fault suite's
	 * fleet) or every office by e-mail (routing's own directory), JVM options added to every service (heap, flight
	 * recorder) and the prefix of the services' instance ids.
	 */
	public record Settings(Path logs, boolean webhookOffice, Map<Service, List<String>> serviceJvmOptions,
			String instancePrefix) {

		/** The fault suite's fleet number n. */
		static Settings faults(int number) {
			return new Settings(FaultHarness.RUN.resolve("fleet-" + number), true, Map.of(), "faults");
		}

	}

	/** The office whose channel is a webhook (instead of its e-mail address) in the harness's directory. */
	static final String WEBHOOK_OFFICE = "ODG";

	private static final String WEBHOOK_SECRET = "fault-harness-webhook-secret-of-forty-bytes";

	/** The three services. */
	public enum Service {

		INTAKE("intake-service"), ROUTING("routing-service"), NOTIFICATION("notification-service");

		final String artifact;

		Service(String artifact) {
			this.artifact = artifact;
		}

	}

	private final int number;

	private final Path home;

	private final Path logs;

	private final List<AutoCloseable> parts = new ArrayList<>();

	private final Map<Service, ServiceNode> services = new EnumMap<>(Service.class);

	private BrokerProcess broker;

	private OfficeMail mail;

	private WebhookOffice webhook;

	private Fleet(int number, Path home, Path logs) {
		this.number = number;
		this.home = home;
		this.logs = logs;
	}

	/** Starts everything and waits until every service is ready. */
	static Fleet start(int number) throws Exception {
		return start(number, Settings.faults(number));
	}

	/** Starts everything as the settings say and waits until every service is ready. */
	public static Fleet start(int number, Settings settings) throws Exception {
		Path logs = Files.createDirectories(settings.logs());
		Fleet fleet = new Fleet(number, Files.createTempDirectory("valise-faults-fleet"), logs);
		try {
			fleet.startAll(settings);
		}
		catch (Exception | Error ex) {
			fleet.close();
			throw ex;
		}
		return fleet;
	}

	private void startAll(Settings settings) throws Exception {
		this.broker = BrokerProcess.start(this.logs);
		this.parts.add(this.broker);
		this.mail = OfficeMail.start();
		this.parts.add(this.mail);
		if (settings.webhookOffice()) {
			this.webhook = WebhookOffice.start(Files.createDirectories(this.home.resolve("tls")));
			this.parts.add(this.webhook);
		}
		String prefix = settings.instancePrefix();
		int notificationPort = FaultHarness.freePort();
		Path state = Files.createDirectories(this.home.resolve("state"));
		Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", this.broker.bootstrapServers(),
				"VALISE_STATE_DIR", state.toString(), "SMTP_HOST", "127.0.0.1", "SMTP_PORT",
				String.valueOf(this.mail.smtpPort()), "VALISE_TRACKING_URL",
				"http://127.0.0.1:" + notificationPort + "/api/v1/notes/{noteId}");
		List<String> notificationJvm = new ArrayList<>(jvm(settings, Service.NOTIFICATION));
		if (this.webhook != null) {
			notificationJvm.addAll(this.webhook.trustStoreOptions());
		}
		add(Service.NOTIFICATION, notificationPort,
				with(common, "VALISE_INSTANCE_ID", "notification-" + prefix + "-1",
						"VALISE_WEBHOOKS_SECRETS_" + WEBHOOK_OFFICE, WEBHOOK_SECRET),
				notificationJvm,
				List.of("--valise.delivery.attempt-timeout=PT" + FaultBench.ATTEMPT_TIMEOUT.toSeconds() + "S"));
		add(Service.ROUTING, FaultHarness.freePort(), with(common, "VALISE_INSTANCE_ID", "routing-" + prefix + "-1"),
				jvm(settings, Service.ROUTING),
				(this.webhook != null) ? List.of("--valise.directory.location=file:" + directory()) : List.of());
		add(Service.INTAKE, FaultHarness.freePort(), with(common, "VALISE_INSTANCE_ID", "intake-" + prefix + "-1"),
				jvm(settings, Service.INTAKE), List.of());
		for (ServiceNode node : this.services.values()) {
			node.start();
		}
		awaitReady(Duration.ofSeconds(180));
	}

	/** Waits until every service answers its readiness probe. */
	public void awaitReady(Duration timeout) {
		for (ServiceNode node : this.services.values()) {
			node.awaitReady(timeout);
		}
	}

	/** Whether the broker runs and every service is ready now. */
	boolean ready() {
		return this.broker.running() && this.services.values().stream().allMatch(ServiceNode::ready);
	}

	int number() {
		return this.number;
	}

	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	public BrokerProcess broker() {
		return this.broker;
	}

	public OfficeMail mail() {
		return this.mail;
	}

	WebhookOffice webhook() {
		return this.webhook;
	}

	public ServiceNode service(Service service) {
		return this.services.get(service);
	}

	public Map<Service, ServiceNode> services() {
		return this.services;
	}

	public Path logs() {
		return this.logs;
	}

	@Override
	public void close() {
		this.services.values().forEach(ServiceNode::close);
		for (int i = this.parts.size() - 1; i >= 0; i--) {
			try {
				this.parts.get(i).close();
			}
			catch (Exception ex) {
				// best effort: the reaper kills what is left when the JVM exits
			}
		}
		FaultHarness.deleteTree(this.home);
	}

	private void add(Service service, int port, Map<String, String> environment, List<String> jvmOptions,
			List<String> arguments) {
		this.services.put(service,
				new ServiceNode(service.artifact, port, this.logs, environment, jvmOptions, arguments));
	}

	/** routing-service's directory with the webhook office's e-mail channel replaced by a webhook to the harness. */
	private Path directory() throws IOException {
		String source = Files.readString(
				FaultHarness.ROOT.resolve("routing-service/src/main/resources/directory/iom.yml"));
		String email = "      - { type: email, address: " + WEBHOOK_OFFICE.toLowerCase(Locale.ROOT)
				+ "@iom.example.org }";
		if (!source.contains(email)) {
			throw new IllegalStateException("The directory no longer has the line '" + email.trim()
					+ "': adapt Fleet.directory() to its new shape");
		}
		Path directory = this.home.resolve("directory.yml");
		Files.writeString(directory,
				source.replace(email, "      - { type: webhook, address: " + this.webhook.url(WEBHOOK_OFFICE) + " }"));
		return directory;
	}

	private static List<String> jvm(Settings settings, Service service) {
		return settings.serviceJvmOptions().getOrDefault(service, List.of());
	}

	private static Map<String, String> with(Map<String, String> base, String... entries) {
		Map<String, String> result = new LinkedHashMap<>(base);
		for (int i = 0; i < entries.length; i += 2) {
			result.put(entries[i], entries[i + 1]);
		}
		return result;
	}

}
