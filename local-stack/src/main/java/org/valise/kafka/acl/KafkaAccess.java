package org.valise.kafka.acl;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * The command line of the ACL tool.
 *
 * <pre>
 * java -cp 'local-stack/target/lib/*:local-stack/target/valise-kafka-acl.jar' org.valise.kafka.acl.KafkaAccess \
 *     apply deploy/kafka/acl-spec.yml --bootstrap-server 127.0.0.1:9092 --command-config deploy/kafka/admin-client.properties
 * java -cp ... org.valise.kafka.acl.KafkaAccess print deploy/kafka/acl-spec.yml
 * java -cp ... org.valise.kafka.acl.KafkaAccess principals deploy/kafka/acl-spec.yml
 * </pre>
 *
 * {@code apply} connects as the super user (the command config, e.g. SASL/SCRAM as admin over TLS) and makes the
 * cluster match the spec; the principals' passwords come from VALISE_KAFKA_PASSWORD_&lt;NAME&gt;. {@code print}
 * checks the spec and prints its ACLs and its write/read matrix without connecting; {@code principals} prints the
 * principals' names, one a line (./valise generates their passwords). Exit status 0 when done, 1 on
 * an error (one message on standard error), 2 on a usage error.
 */
public final class KafkaAccess {

	private static final String USAGE = """
			usage: KafkaAccess apply SPEC --bootstrap-server HOST:PORT --command-config FILE [--timeout SECONDS]
			       KafkaAccess print SPEC
			       KafkaAccess principals SPEC
			  apply  make the cluster match SPEC (SCRAM users, missing topics, exactly SPEC's ACLs), as the super user
			         that FILE configures (Kafka client properties; ${env:NAME} placeholders are resolved); waits up to
			         --timeout seconds (default 60) for the broker
			  print  check SPEC, print its ACLs and who writes and reads each topic
			  principals  check SPEC, print its principals' names, one a line""";

	private KafkaAccess() {
	}

	public static void main(String[] args) {
		try {
			System.exit(run(args));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			System.err.println("kafka-acl: " + ex.getMessage());
			System.exit(1);
		}
		catch (Exception ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			StringBuilder message = new StringBuilder("kafka-acl: failed: " + cause);
			for (Throwable reason = cause.getCause(); reason != null; reason = reason.getCause()) {
				message.append("\n  caused by: ").append(reason);
			}
			System.err.println(message);
			System.exit(1);
		}
	}

	static int run(String[] arguments) throws Exception {
		Deque<String> args = new ArrayDeque<>(List.of(arguments));
		String command = args.pollFirst();
		String specFile = args.pollFirst();
		if (command == null || specFile == null || !List.of("apply", "print", "principals").contains(command)) {
			System.err.println(USAGE);
			return 2;
		}
		String bootstrap = null;
		Path commandConfig = null;
		long timeoutSeconds = 60;
		while (!args.isEmpty()) {
			String option = args.pollFirst();
			String value = args.pollFirst();
			if (value == null) {
				System.err.println("kafka-acl: " + option + " needs a value\n" + USAGE);
				return 2;
			}
			switch (option) {
				case "--bootstrap-server" -> bootstrap = value;
				case "--command-config" -> commandConfig = Path.of(value);
				case "--timeout" -> timeoutSeconds = Long.parseLong(value);
				default -> {
					System.err.println("kafka-acl: unknown option " + option + "\n" + USAGE);
					return 2;
				}
			}
		}
		AccessSpec spec = AccessSpec.load(Path.of(specFile));
		if (command.equals("principals")) {
			spec.principals().keySet().forEach(System.out::println);
			return 0;
		}
		if (command.equals("print")) {
			AccessBindings.describe(AccessBindings.of(spec)).forEach(System.out::println);
			System.out.println();
			System.out.print(AccessBindings.matrix(spec));
			return 0;
		}
		if (bootstrap == null || commandConfig == null) {
			System.err.println("kafka-acl: apply needs --bootstrap-server and --command-config\n" + USAGE);
			return 2;
		}
		Properties config = clientConfig(commandConfig, bootstrap);
		System.out.println("kafka-acl: applying " + specFile + " to " + bootstrap + ": " + spec.principals().size()
				+ " principals, " + spec.topics().size() + " topics");
		try (Admin admin = Admin.create(config)) {
			awaitBroker(admin, Duration.ofSeconds(timeoutSeconds));
			new AccessApplier(admin, System.out).apply(spec, System::getenv);
		}
		System.out.print(AccessBindings.matrix(spec));
		return 0;
	}

	private static Properties clientConfig(Path file, String bootstrap) throws IOException {
		Properties config = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			config.load(reader);
		}
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "valise-kafka-acl");
		config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
		config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
		return config;
	}

	/** Until the broker answers (it may still be starting); a failed login is final. */
	private static void awaitBroker(Admin admin, Duration timeout) throws InterruptedException, ExecutionException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				admin.describeCluster().clusterId().get();
				return;
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof SaslAuthenticationException || System.nanoTime() > deadline) {
					throw ex;
				}
				System.out.println("kafka-acl: waiting for the broker (" + ex.getCause().getMessage() + ")");
			}
		}
	}

}
