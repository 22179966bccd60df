package org.valise.system.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the fault harness starts, and the signals it sends them: SIGKILL (a crash), SIGSTOP and SIGCONT (a
 * process frozen, e.g. by a long GC pause or a suspended VM). Whatever is still running when the test JVM exits, even
 * after a failure, is killed with its descendants by a shutdown hook.
 */
public final class Processes {

	private static final Set<Process> started = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Processes::killAll, "fault-harness-reaper"));
	}

	private Processes() {
	}

	/** Starts the process and registers it for the clean-up. */
	public static Process start(ProcessBuilder builder) throws IOException {
		Process process = builder.start();
		started.add(process);
		return process;
	}

	/** SIGKILL, then waits until the process is gone. */
	static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		awaitExit(process, 30);
		started.remove(process);
	}

	/** SIGTERM, then SIGKILL if the process did not exit within the grace period. */
	public static void stop(Process process, int graceSeconds) {
		if (process.isAlive()) {
			signal(process, "CONT");
			process.destroy();
			if (!awaitExit(process, graceSeconds)) {
				kill(process);
			}
		}
		started.remove(process);
	}

	/** SIGSTOP: the process is frozen, its sockets stay open, it answers nothing. */
	static void freeze(Process process) {
		signal(process, "STOP");
	}

	/** SIGCONT: a frozen process runs on. */
	static void thaw(Process process) {
		signal(process, "CONT");
	}

	/** Kills every process still running (the shutdown hook; also called when a suite ends). */
	static void killAll() {
		for (Process process : started) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		started.clear();
	}

	/** The java executable of this JVM, for the processes the harness starts. */
	public static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** A tool of this JDK (keytool), next to {@link #java()}. */
	public static String jdkTool(String name) {
		Path java = Path.of(java());
		Path tool = java.resolveSibling(name);
		return tool.toFile().canExecute() ? tool.toString() : name;
	}

	private static void signal(Process process, String signal) {
		if (!process.isAlive()) {
			return;
		}
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run kill -" + signal, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending SIG" + signal, ex);
		}
	}

	private static boolean awaitExit(Process process, int seconds) {
		try {
			return process.waitFor(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
