package org.valise.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the fault harness finds the build (the repository's root, passed by failsafe as {@code valise.root}) and puts
 * its logs ({@code system-tests/target/faults/}), and the few helpers its parts share.
 */
public final class FaultHarness {

	public static final Path ROOT = Path.of(System.getProperty("valise.root", "..")).toAbsolutePath().normalize();

	/** Where every run's tables go: {@code system-tests/target/faults/}. */
	static final Path LOGS = Path.of("target", "faults").toAbsolutePath();

	/** This run's logs: {@code target/faults/run-<start time>/}, so that a run never overwrites another's. */
	static final Path RUN = LOGS.resolve("run-" + java.time.LocalDateTime.now()
		.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
		.toString()
		.replace(':', '-'));

	private FaultHarness() {
	}

	/** A port of 127.0.0.1 free right now (never one of ./valise up's fixed ports: those are taken or avoided). */
	public static int freePort() {
		for (int i = 0; i < 20; i++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				int port = socket.getLocalPort();
				if (port != 9092 && port != 9093 && port != 3025 && port != 3143 && port != 8025
						&& (port < 8081 || port > 8083)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		throw new IllegalStateException("No free port found");
	}

	/** Appends a line to a log (created if missing). */
	static void append(Path log, String line) {
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A line for the logs: when, and what. */
	static String stamp(String what) {
		return "=== " + Instant.now() + " fault harness: " + what;
	}

	public static void deleteTree(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
