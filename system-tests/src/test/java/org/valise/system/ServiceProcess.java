package org.valise.system;

import java.io.IOException;
import java.net.ServerSocket;
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
 * One Valise service started from its packaged executable jar as a separate process, as {@code ./valise up}
 * starts it; its output goes to {@code target/system-tests/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a service with the given environment and Spring arguments on the given port.
	 */
	static ServiceProcess start(String name, int port, Map<String, String> environment, String... arguments)
			throws IOException {
		Path root = Path.of(System.getProperty("valise.root", ".."));
		Path jar = root.resolve(name).resolve("target").resolve(name + "-" + System.getProperty("valise.version", "0.1.0-SNAPSHOT") + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests with ./mvnw verify so the services are packaged first");
		}
		Path logs = Path.of("target", "system-tests");
		Files.createDirectories(logs);
		Path log = logs.resolve(name + "-" + port + ".log");
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-jar", jar.toString(),
				"--server.port=" + port));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		// As ./valise up runs them: the local profile (development secrets), trusting the test key's tokens.
		builder.environment().put("SPRING_PROFILES_ACTIVE", "local");
		builder.environment().putAll(TestTokens.environment());
		builder.environment().putAll(environment);
		return new ServiceProcess(name, port, builder.start(), log);
	}

	/** Waits until the service reports itself ready, failing early (with its log) if the process dies. */
	ServiceProcess awaitReady(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see "
						+ this.log.toAbsolutePath() + "\n" + tail());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding());
				return response.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return this;
	}

	/** Waits until the process has exited on its own, and returns its exit code. */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(this.name + " still runs after " + timeout + "\n" + tail());
		}
		return this.process.exitValue();
	}

	/** The whole log so far. */
	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	int port() {
		return this.port;
	}

	@Override
	public String toString() {
		return this.name;
	}

	/** Whether the service's log so far has a line containing the text. */
	boolean logged(String text) {
		try (java.util.stream.Stream<String> lines = Files.lines(this.log)) {
			return lines.anyMatch((line) -> line.contains(text));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
