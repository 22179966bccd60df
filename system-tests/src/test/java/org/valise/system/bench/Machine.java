package org.valise.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the benchmark ran on, and how busy it was.
 *
 * @param cores processors the JVM sees
 * @param model the CPU's model name
 * @param memoryGiB physical memory
 * @param java the JVM's version and vendor
 * @param os the operating system
 * @param loadAtStart the 1-minute load average when the benchmark started
 * @param loadBeforeMeasuring the 1-minute load average when the measured phase began (after waiting for a quieter
 * machine, in the full profile)
 */
record Machine(int cores, String model, double memoryGiB, String java, String os, double loadAtStart,
		double loadBeforeMeasuring) {

	static Machine read(double loadAtStart, double loadBeforeMeasuring) {
		return new Machine(Runtime.getRuntime().availableProcessors(), field("/proc/cpuinfo", "model name"),
				Math.round(Double.parseDouble(field("/proc/meminfo", "MemTotal").replace("kB", "").trim()) / 1024 / 1024
						* 10) / 10.0,
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
				loadAtStart, loadBeforeMeasuring);
	}

	/** The 1-minute load average now. */
	static double load() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String field(String file, String name) {
		try {
			for (String line : Files.readAllLines(Path.of(file))) {
				if (line.startsWith(name)) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return "0";
	}

}
