package org.valise.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft broker as a separate process, from the jars and the configuration {@code ./valise up} uses
 * (local-stack/target/lib, local-stack/config/server.properties) on two free ports of 127.0.0.1 and a data directory
 * of its own. It can be killed (SIGKILL), frozen and restarted on the same ports and data.
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
		broker.format(lib);
		broker.start();
		return broker;
	}

	/** The process id of the broker (for its CPU time and memory). */
	public long pid() {
		return this.process.pid();
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker on its data (again), and waits until it serves. */
	void start() throws IOException {
		long before = Files.exists(this.log) ? Files.size(this.log) : 0;
		FaultHarness.append(this.log, "=== fault harness: broker start " + (++this.starts));
		ProcessBuilder builder = new ProcessBuilder(Processes.java(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
				"-Djava.awt.headless=true", log4j(), "-cp", lib() + "/*", "kafka.Kafka", this.properties.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		this.process = Processes.start(builder);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The broker exited; see " + this.log.toAbsolutePath());
			}
			return startedSince(before) && accepts();
		});
	}

	/** SIGKILL: the broker crashes (its data stays for the restart). */
	void kill() {
		Processes.kill(this.process);
	}

	void freeze() {
		Processes.freeze(this.process);
	}

	void thaw() {
		Processes.thaw(this.process);
	}

	boolean running() {
		return this.process != null && this.process.isAlive();
	}

	@Override
	public void close() throws IOException {
		if (this.process != null) {
			Processes.stop(this.process, 30);
		}
		FaultHarness.deleteTree(this.home);
	}

	private void format(Path lib) throws IOException, InterruptedException {
		Path formatLog = this.log.resolveSibling("kafka-format.log");
		Process format = Processes.start(new ProcessBuilder(List.of(Processes.java(), log4j(),
				"-Dvalise.log.level=WARN", "-cp", lib + "/*", "kafka.tools.StorageTool", "format", "-t",
				Uuid.randomUuid().toString(), "-c", this.properties.toString(), "--standalone"))
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
