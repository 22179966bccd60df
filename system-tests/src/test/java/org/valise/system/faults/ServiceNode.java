package org.valise.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.valise.platform.security.TestTokens;

import static org.awaitility.Awaitility.await;

/**
 * One Valise service as {@code ./valise up} runs it — its packaged jar in a JVM of its own, the local profile, trusting
 * the test key's tokens — on a fixed port, with a fixed instance id ({@code VALISE_INSTANCE_ID}, the Kafka Streams
 * {@code group.instance.id}) and state directory, so that a restart after {@link #kill()} is the same instance coming
 * back, as a supervisor would restart it. Every incarnation appends to one log, {@code <logs>/<name>.log}. Several
 * instances of one service are nodes of one artifact under names of their own ({@code routing-service-2}).
 */
public final class ServiceNode implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String name;

	private final String artifact;

	private final int port;

	private final Map<String, String> environment;

	private final List<String> jvmOptions;

	private final List<String> arguments;

	private final Path log;

	private Process process;

	private int incarnation;

	ServiceNode(String name, int port, Path logs, Map<String, String> environment, List<String> jvmOptions,
			List<String> arguments) {
		this(name, name, port, logs, environment, jvmOptions, arguments);
	}

	/** An instance of the artifact's service (its jar) under a name of its own (its log's). */
	ServiceNode(String name, String artifact, int port, Path logs, Map<String, String> environment,
			List<String> jvmOptions, List<String> arguments) {
		this.name = name;
		this.artifact = artifact;
		this.port = port;
		this.environment = Map.copyOf(environment);
		this.jvmOptions = List.copyOf(jvmOptions);
		this.arguments = List.copyOf(arguments);
		this.log = logs.resolve(name + ".log");
	}

	/** Starts a new incarnation (the previous one must be gone). */
	public void start() throws IOException {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is still running");
		}
		Path jar = FaultHarness.ROOT.resolve(this.artifact)
			.resolve("target")
			.resolve(this.artifact + "-" + System.getProperty("valise.version", "0.1.0-SNAPSHOT") + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build first (./mvnw -B -DskipTests package)");
		}
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx384m"));
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + this.port));
		command.addAll(this.arguments);
		FaultHarness.append(this.log, FaultHarness.stamp(this.name + " incarnation " + (++this.incarnation)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().put("SPRING_PROFILES_ACTIVE", "local");
		builder.environment().putAll(TestTokens.environment());
		builder.environment().putAll(this.environment);
		this.process = Processes.start(builder);
	}

	/** Waits until the service reports itself ready, failing early (with its log's tail) if the process dies. */
	public ServiceNode awaitReady(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see "
						+ this.log + "\n" + tail(40));
			}
			return ready();
		});
		return this;
	}

	/** Whether the service answers its readiness probe with 200 now. */
	public boolean ready() {
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(3))
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** kill -9: the service crashes, mid-whatever it was doing. */
	public void kill() {
		FaultHarness.append(this.log, FaultHarness.stamp("SIGKILL " + this.name));
		Processes.kill(this.process);
	}

	/** SIGSTOP: the service freezes (sockets open, heartbeats stop). */
	public void freeze() {
		FaultHarness.append(this.log, FaultHarness.stamp("SIGSTOP " + this.name));
		Processes.freeze(this.process);
	}

	/** SIGCONT. */
	void thaw() {
		Processes.thaw(this.process);
		FaultHarness.append(this.log, FaultHarness.stamp("SIGCONT " + this.name));
	}

	/** The process id of the running incarnation (for its CPU time and memory). */
	public long pid() {
		return this.process.pid();
	}

	public boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	public String name() {
		return this.name;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public Path log() {
		return this.log;
	}

	/** The log of the first incarnation (what the service logged at its first start). */
	String firstIncarnationLog() {
		String all = read();
		int second = all.indexOf(" incarnation 2\n");
		return (second < 0) ? all : all.substring(0, second);
	}

	public String tail(int lines) {
		List<String> all = List.of(read().split("\n"));
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	@Override
	public void close() {
		if (this.process != null) {
			Processes.stop(this.process, 20);
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

	private String read() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
