package org.valise.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.valise.kafka.acl.AccessSpec;

import static org.awaitility.Awaitility.await;

/**
 * A real Kafka broker secured as {@code ./valise up --secure-kafka} and the compose override run it, from the same
 * files: local-stack/config/server.properties, then deploy/kafka/broker-secure.properties (SASL/SCRAM-SHA-512 over TLS,
 * StandardAuthorizer, deny by default), its certificate from deploy/kafka/tls.sh, its storage formatted with admin's
 * SCRAM credential, and deploy/kafka/acl-spec.yml applied by the ACL tool (org.valise.kafka.acl.KafkaAccess) as a
 * process. The broker's classpath is local-stack/target/lib (staged by {@code ./mvnw package}); its output goes to
 * {@code target/system-tests/kafka-secure.log}, the tool's to {@code kafka-acl.log}.
 */
final class SecuredKafka implements AutoCloseable {

	static final Path ROOT = Path.of(System.getProperty("valise.root", "..")).toAbsolutePath().normalize();

	static final Path SPEC = ROOT.resolve("deploy/kafka/acl-spec.yml");

	private static final Path LOGS = Path.of("target", "system-tests");

	private final Path home;

	private final int port;

	private final Map<String, String> passwords;

	private final Process broker;

	private SecuredKafka(Path home, int port, Map<String, String> passwords, Process broker) {
		this.home = home;
		this.port = port;
		this.passwords = passwords;
		this.broker = broker;
	}

	/** Formats, starts and waits for the broker, then applies the ACL spec. */
	static SecuredKafka start() throws Exception {
		Path lib = ROOT.resolve("local-stack/target/lib");
		Path tool = ROOT.resolve("local-stack/target/valise-kafka-acl.jar");
		if (!Files.isDirectory(lib) || !Files.isRegularFile(tool)) {
			throw new IllegalStateException(
					lib + " or " + tool + " is missing: run ./mvnw verify (local-stack is packaged first)");
		}
		Files.createDirectories(LOGS);
		Path home = Files.createTempDirectory("valise-kafka-secure");
		AccessSpec spec = AccessSpec.load(SPEC);
		Map<String, String> passwords = new LinkedHashMap<>();
		passwords.put(AccessSpec.ADMIN, password());
		spec.principals().keySet().forEach((name) -> passwords.put(name, password()));

		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("VALISE_KAFKA_TLS_PASSWORD", password());
		environment.put("VALISE_KAFKA_TLS_DIR", home.resolve("tls").toString());
		environment.put("VALISE_KAFKA_TLS_CERT", home.resolve("tls/kafka.crt").toString());
		passwords.forEach((name, password) -> environment.put(AccessSpec.Principal.passwordVariable(name), password));

		run("deploy/kafka/tls.sh",
				List.of("bash", ROOT.resolve("deploy/kafka/tls.sh").toString(), home.resolve("tls").toString()),
				environment, LOGS.resolve("kafka-tls.log"));

		int port = ServiceProcess.freePort();
		int controllerPort = ServiceProcess.freePort();
		Path properties = home.resolve("server.properties");
		Files.writeString(properties, String.join("\n",
				Files.readString(ROOT.resolve("local-stack/config/server.properties")),
				Files.readString(ROOT.resolve("deploy/kafka/broker-secure.properties")),
				"# the test's addresses",
				"listeners=INTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"advertised.listeners=INTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
				"log.dirs=" + home.resolve("data"), ""));

		String classpath = lib + "/*";
		String log4j = "-Dlog4j2.configurationFile=" + ROOT.resolve("local-stack/config/log4j2.properties");
		// KRaft needs the broker's own SCRAM credential before it starts: written with the storage
		run("kafka.tools.StorageTool format",
				List.of(java(), log4j, "-Dvalise.log.level=WARN", "-cp", classpath, "kafka.tools.StorageTool", "format",
						"-t", Uuid.randomUuid().toString(), "-c", properties.toString(), "--standalone", "--add-scram",
						"SCRAM-SHA-512=[name=admin,password=" + passwords.get(AccessSpec.ADMIN) + "]"),
				environment, LOGS.resolve("kafka-format.log"));

		Path log = LOGS.resolve("kafka-secure.log");
		ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx512m", log4j, "-cp", classpath, "kafka.Kafka",
				properties.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		SecuredKafka kafka = new SecuredKafka(home, port, passwords, builder.start());
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!kafka.broker.isAlive()) {
					throw new IllegalStateException("the secured broker exited; see " + log.toAbsolutePath());
				}
				return Files.readString(log).contains("Kafka Server started");
			});
			run("the ACL tool",
					List.of(java(), log4j, "-Dvalise.log.level=WARN", "-cp", classpath + ":" + tool,
							"org.valise.kafka.acl.KafkaAccess", "apply", SPEC.toString(), "--bootstrap-server",
							kafka.bootstrapServers(), "--command-config",
							ROOT.resolve("deploy/kafka/admin-client.properties").toString()),
					environment, LOGS.resolve("kafka-acl.log"));
		}
		catch (Exception | Error ex) {
			kafka.close();
			throw ex;
		}
		return kafka;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Client properties of a principal: SASL/SCRAM-SHA-512 over TLS, trusting the broker's certificate. */
	Properties client(String principal) {
		return client(principal, this.passwords.get(principal));
	}

	Properties client(String principal, String password) {
		Properties properties = new Properties();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
		properties.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
				+ "username=\"" + principal + "\" password=\"" + password + "\";");
		properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
		properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, this.home.resolve("tls/kafka.crt").toString());
		return properties;
	}

	@Override
	public void close() throws IOException {
		this.broker.destroy();
		try {
			if (!this.broker.waitFor(30, TimeUnit.SECONDS)) {
				this.broker.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.broker.destroyForcibly();
		}
		try (Stream<Path> files = Files.walk(this.home)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private static void run(String what, List<String> command, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(what + " did not finish within 90 s; see " + log.toAbsolutePath());
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "):\n" + read(log));
		}
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String password() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
