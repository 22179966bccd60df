package org.valise.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A real KRaft broker as a separate process, from the jars and the configuration {@code ./valise up} uses
 * (local-stack/target/lib, local-stack/config/server.properties) on two free ports of 127.0.0.1 and a data directory
 * of its own: a single node ({@link #start}), or a node of a cluster ({@link #startCluster}: each a broker and a
 * controller, local-stack/config/server-cluster.properties as {@code ./valise up --brokers 3}: replication 3,
 * min.insync.replicas 2). It can be killed (SIGKILL), frozen and restarted on the same ports and data.
 */
public final class BrokerProcess implements AutoCloseable {

	private final Path home;

	private final Path properties;

	private final Path log;

	private final int port;

	private Process process;

	private int starts;

	private BrokerProcess(Path home, Path properties, Path log, int port) {
		this.home = home;
		this.properties = properties;
		this.log = log;
		this.port = port;
	}

	/** Formats a fresh data directory and starts the broker; returns once it serves. */
	static BrokerProcess start(Path logs) throws IOException, InterruptedException {
		Path lib = FaultHarness.ROOT.resolve("local-stack/target/lib");
		if (!Files.isDirectory(lib)) {
			throw new IllegalStateException(lib + " is missing: build first (./mvnw -B -DskipTests package)");
		}
		Path home = Files.createTempDirectory("valise-faults-kafka");
		int port = FaultHarness.freePort();
		int controllerPort = FaultHarness.freePort();
		Path properties = home.resolve("server.properties");
		Files.writeString(properties, String.join("\n",
				Files.readString(FaultHarness.ROOT.resolve("local-stack/config/server.properties")),
				"# the fault harness's addresses and data",
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort, "log.dirs=" + home.resolve("data"),
				""));
		BrokerProcess broker = new BrokerProcess(home, properties, logs.resolve("kafka.log"), port);
		broker.format(lib, Uuid.randomUuid().toString(), "--standalone");
		broker.start();
		return broker;
	}

	/**
	 * Formats and starts a cluster of KRaft nodes, each a broker and a controller (a quorum of them, named when the
	 * storage is formatted), with the cluster settings of {@code ./valise up --brokers 3}; returns once all serve.
	 */
	static List<BrokerProcess> startCluster(Path logs, int nodes) throws IOException, InterruptedException {
		Path lib = lib();
		if (!Files.isDirectory(lib)) {
			throw new IllegalStateException(lib + " is missing: build first (./mvnw -B -DskipTests package)");
		}
		int[] ports = new int[nodes];
		int[] controllerPorts = new int[nodes];
		List<String> controllers = new ArrayList<>();
		List<String> voters = new ArrayList<>();
		for (int n = 0; n < nodes; n++) {
			ports[n] = FaultHarness.freePort();
			controllerPorts[n] = FaultHarness.freePort();
			controllers.add("127.0.0.1:" + controllerPorts[n]);
			voters.add((n + 1) + "@127.0.0.1:" + controllerPorts[n] + ":" + Uuid.randomUuid());
		}
		String cluster = Files.readString(FaultHarness.ROOT.resolve("local-stack/config/server-cluster.properties"));
		String clusterId = Uuid.randomUuid().toString();
		List<BrokerProcess> brokers = new ArrayList<>();
		for (int n = 0; n < nodes; n++) {
			Path home = Files.createTempDirectory("valise-faults-kafka-" + (n + 1));
			Path properties = home.resolve("server.properties");
			Files.writeString(properties, String.join("\n",
					Files.readString(FaultHarness.ROOT.resolve("local-stack/config/server.properties")), cluster,
					"# the fault harness's node, addresses and data", "node.id=" + (n + 1),
					"listeners=PLAINTEXT://127.0.0.1:" + ports[n] + ",CONTROLLER://127.0.0.1:" + controllerPorts[n],
					"advertised.listeners=PLAINTEXT://127.0.0.1:" + ports[n] + ",CONTROLLER://127.0.0.1:"
							+ controllerPorts[n],
					"controller.quorum.bootstrap.servers=" + String.join(",", controllers),
					"log.dirs=" + home.resolve("data"), ""));
			BrokerProcess broker = new BrokerProcess(home, properties,
					logs.resolve((n == 0) ? "kafka.log" : "kafka-" + (n + 1) + ".log"), ports[n]);
			broker.format(lib, clusterId, "--initial-controllers", String.join(",", voters));
			brokers.add(broker);
		}
		long[] before = new long[nodes];
		for (int n = 0; n < nodes; n++) {
			before[n] = brokers.get(n).launch();
		}
		for (int n = 0; n < nodes; n++) {
			brokers.get(n).awaitStarted(before[n]);
		}
		return brokers;
	}

	/** The bootstrap servers of brokers: their addresses, comma-separated. */
	static String bootstrapServers(List<BrokerProcess> brokers) {
		return String.join(",", brokers.stream().map(BrokerProcess::bootstrapServers).toList());
	}

	/** The process id of the broker (for its CPU time and memory). */
	public long pid() {
		return this.process.pid();
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker on its data (again), and waits until it serves. */
	public void start() throws IOException {
		awaitStarted(launch());
	}

	/** Starts the process; returns how long its log was before (what {@link #awaitStarted} reads after). */
	private long launch() throws IOException {
		long before = Files.exists(this.log) ? Files.size(this.log) : 0;
		FaultHarness.append(this.log, "=== fault harness: broker start " + (++this.starts));
		ProcessBuilder builder = new ProcessBuilder(Processes.java(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
				"-Djava.awt.headless=true", log4j(), "-cp", lib() + "/*", "kafka.Kafka", this.properties.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		this.process = Processes.start(builder);
		return before;
	}

	private void awaitStarted(long before) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The broker exited; see " + this.log.toAbsolutePath());
			}
			return startedSince(before) && accepts();
		});
	}

	/** SIGKILL: the broker crashes (its data stays for the restart). */
	public void kill() {
		Processes.kill(this.process);
	}

	void freeze() {
		Processes.freeze(this.process);
	}

	void thaw() {
		Processes.thaw(this.process);
	}

	public boolean running() {
		return this.process != null && this.process.isAlive();
	}

	@Override
	public void close() throws IOException {
		if (this.process != null) {
			Processes.stop(this.process, 30);
		}
		FaultHarness.deleteTree(this.home);
	}

	private void format(Path lib, String clusterId, String... quorum) throws IOException, InterruptedException {
		Path formatLog = this.log.resolveSibling(this.log.getFileName().toString().replace(".log", "-format.log"));
		List<String> command = new ArrayList<>(List.of(Processes.java(), log4j(), "-Dvalise.log.level=WARN", "-cp",
				lib + "/*", "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", this.properties.toString()));
		command.addAll(List.of(quorum));
		Process format = Processes.start(new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(formatLog.toFile()));
		if (!format.waitFor(90, TimeUnit.SECONDS) || format.exitValue() != 0) {
			format.destroyForcibly();
			throw new IllegalStateException("Formatting the broker's storage failed:\n" + Files.readString(formatLog));
		}
	}

	private boolean startedSince(long offset) {
		try {
			String text = Files.readString(this.log);
			return text.indexOf("Kafka Server started", (int) Math.min(offset, text.length())) >= 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path lib() {
		return FaultHarness.ROOT.resolve("local-stack/target/lib");
	}

	private static String log4j() {
		return "-Dlog4j2.configurationFile=" + FaultHarness.ROOT.resolve("local-stack/config/log4j2.properties");
	}

}
