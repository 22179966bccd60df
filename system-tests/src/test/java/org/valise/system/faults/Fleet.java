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
 * directory and on free ports of 127.0.0.1; logs go to {@code target/faults/run-<start>/fleet-<n>/}. Its
 * {@link Layout} says how many instances of each service and how many brokers: one of each for the fault suite, two
 * instances on a three-broker cluster for the scale test (each instance its own port, instance id and state folder,
 * as {@code ./valise up --instances 2 --brokers 3} runs them).
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

	/**
	 * How many instances of each service, on how many brokers (1, or a cluster of 3 with replication 3 and
	 * min.insync.replicas 2), and how many submissions a minute intake allows the harness's registry per instance
	 * ({@code valise.intake.rate-limit.requests}; 0: the service's own setting).
	 */
	public record Layout(int instances, int brokers, int submissionsPerMinute) {

		public Layout {
			if (instances < 1 || (brokers != 1 && brokers != 3)) {
				throw new IllegalArgumentException("instances >= 1 and 1 or 3 brokers, not " + instances + "/" + brokers);
			}
		}

		/**
		 * Submissions a minute allowed to the harness's registry: its load is one registry's integration client (a
		 * mail room's feed), for which an operator raises intake's per-client limit (60 a minute by default, a
		 * person's pace); the limit itself is tested in intake.
		 */
		public static final int INTEGRATION_CLIENT = 120_000;

		/** One instance of each service on one broker: the fault suite's and the benchmark's fleet. */
		public static Layout single() {
			return new Layout(1, 1, INTEGRATION_CLIENT);
		}

	}

	/** The three services. */
	public enum Service {

		INTAKE("intake-service"), ROUTING("routing-service"), NOTIFICATION("notification-service");

		final String artifact;

		Service(String artifact) {
			this.artifact = artifact;
		}

	}

	private final int number;

	private final Layout layout;

	private final Path home;

	private final Path logs;

	private final List<AutoCloseable> parts = new ArrayList<>();

	private final Map<Service, List<ServiceNode>> services = new EnumMap<>(Service.class);

	private List<BrokerProcess> brokers = List.of();

	private OfficeMail mail;

	private WebhookOffice webhook;

	private Fleet(int number, Layout layout, Path home, Path logs) {
		this.number = number;
		this.layout = layout;
		this.home = home;
		this.logs = logs;
	}

	/** Starts one instance of each service on one broker, and waits until every service is ready. */
	static Fleet start(int number) throws Exception {
		return start(number, Settings.faults(number), Layout.single());
	}

	/** The fault suite's fleet number n, with the layout's instances and brokers (the scale test's). */
	public static Fleet start(int number, Layout layout) throws Exception {
		return start(number, Settings.faults(number), layout);
	}

	/** One instance of each service on one broker, started as the settings say (the benchmark's). */
	public static Fleet start(int number, Settings settings) throws Exception {
		return start(number, settings, Layout.single());
	}

	/** Starts everything the settings and the layout name and waits until every service instance is ready. */
	public static Fleet start(int number, Settings settings, Layout layout) throws Exception {
		Path logs = Files.createDirectories(settings.logs());
		Fleet fleet = new Fleet(number, layout, Files.createTempDirectory("valise-faults-fleet"), logs);
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
		this.brokers = (this.layout.brokers() == 1) ? List.of(BrokerProcess.start(this.logs))
				: BrokerProcess.startCluster(this.logs, this.layout.brokers());
		this.parts.addAll(this.brokers);
		this.mail = OfficeMail.start();
		this.parts.add(this.mail);
		if (settings.webhookOffice()) {
			this.webhook = WebhookOffice.start(Files.createDirectories(this.home.resolve("tls")));
			this.parts.add(this.webhook);
		}
		String prefix = settings.instancePrefix();
		int notificationPort = FaultHarness.freePort();
		Map<String, String> common = new LinkedHashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
				"SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(this.mail.smtpPort()), "VALISE_TRACKING_URL",
				"http://127.0.0.1:" + notificationPort + "/api/v1/notes/{noteId}"));
		if (this.layout.brokers() > 1) {
			common.put("VALISE_REPLICATION_FACTOR", String.valueOf(this.layout.brokers()));
		}
		List<String> notificationJvm = new ArrayList<>(jvm(settings, Service.NOTIFICATION));
		if (this.webhook != null) {
			notificationJvm.addAll(this.webhook.trustStoreOptions());
		}
		List<String> routingArguments = (this.webhook != null)
				? List.of("--valise.directory.location=file:" + directory()) : List.of();
		List<String> intakeArguments = (this.layout.submissionsPerMinute() > 0)
				? List.of("--valise.intake.rate-limit.requests=" + this.layout.submissionsPerMinute()) : List.of();
		for (int i = 1; i <= this.layout.instances(); i++) {
			Map<String, String> instance = with(common, "VALISE_STATE_DIR",
					Files.createDirectories(this.home.resolve((i == 1) ? "state" : "state-" + i)).toString());
			add(Service.NOTIFICATION, i, prefix, (i == 1) ? notificationPort : FaultHarness.freePort(),
					with(instance, "VALISE_WEBHOOKS_SECRETS_" + WEBHOOK_OFFICE, WEBHOOK_SECRET), notificationJvm,
					List.of("--valise.delivery.attempt-timeout=PT" + FaultBench.ATTEMPT_TIMEOUT.toSeconds() + "S"));
			add(Service.ROUTING, i, prefix, FaultHarness.freePort(), instance, jvm(settings, Service.ROUTING),
					routingArguments);
			add(Service.INTAKE, i, prefix, FaultHarness.freePort(), instance, jvm(settings, Service.INTAKE),
					intakeArguments);
		}
		for (ServiceNode node : nodes()) {
			node.start();
		}
		awaitReady(Duration.ofSeconds(180 + 60 * (this.layout.instances() - 1)));
	}

	/** Waits until every service answers its readiness probe. */
	public void awaitReady(Duration timeout) {
		for (ServiceNode node : nodes()) {
			node.awaitReady(timeout);
		}
	}

	/** Whether every broker runs and every service instance is ready now. */
	public boolean ready() {
		return this.brokers.stream().allMatch(BrokerProcess::running) && nodes().stream().allMatch(ServiceNode::ready);
	}

	public int number() {
		return this.number;
	}

	/** Every broker's address, comma-separated. */
	public String bootstrapServers() {
		return BrokerProcess.bootstrapServers(this.brokers);
	}

	/** The (first) broker. */
	public BrokerProcess broker() {
		return this.brokers.get(0);
	}

	/** Every broker, the first one first. */
	public List<BrokerProcess> brokers() {
		return this.brokers;
	}

	public Layout layout() {
		return this.layout;
	}

	public OfficeMail mail() {
		return this.mail;
	}

	WebhookOffice webhook() {
		return this.webhook;
	}

	/** The (first) instance of the service. */
	public ServiceNode service(Service service) {
		return this.services.get(service).get(0);
	}

	/** Every instance of the service, the first one first. */
	public List<ServiceNode> instances(Service service) {
		return this.services.get(service);
	}

	/** The first instance of each service. */
	public Map<Service, ServiceNode> services() {
		Map<Service, ServiceNode> first = new EnumMap<>(Service.class);
		this.services.forEach((service, nodes) -> first.put(service, nodes.get(0)));
		return first;
	}

	/** Every instance of every service. */
	public List<ServiceNode> nodes() {
		return this.services.values().stream().flatMap(List::stream).toList();
	}

	public Path logs() {
		return this.logs;
	}

	@Override
	public void close() {
		nodes().forEach(ServiceNode::close);
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

	/** Instance i of the service: named after it (the first) or -i, instance id {@code <service>-<prefix>-<i>}. */
	private void add(Service service, int i, String prefix, int port, Map<String, String> environment,
			List<String> jvmOptions, List<String> arguments) {
		String name = (i == 1) ? service.artifact : service.artifact + "-" + i;
		String instanceId = service.artifact.replace("-service", "") + "-" + prefix + "-" + i;
		this.services.computeIfAbsent(service, (s) -> new ArrayList<>())
			.add(new ServiceNode(name, service.artifact, port, this.logs, with(environment, "VALISE_INSTANCE_ID",
					instanceId), jvmOptions, arguments));
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
