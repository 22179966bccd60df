package org.valise.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and memory, read from {@code /proc/<pid>/stat} (user + system time, in clock ticks of 1/100 s)
 * and {@code /proc/<pid>/status} (VmHWM, the peak resident set; VmRSS, the current one).
 *
 * @param cpuSeconds user and system CPU time so far
 * @param peakRssMiB the peak resident set size
 * @param rssMiB the resident set size now
 */
record ProcessUsage(double cpuSeconds, double peakRssMiB, double rssMiB) {

	static final ProcessUsage GONE = new ProcessUsage(0, 0, 0);

	/** Linux's USER_HZ, the unit of /proc/<pid>/stat's times (100 on every Linux this runs on). */
	private static final double TICKS_PER_SECOND = 100.0;

	static ProcessUsage of(long pid) {
		try {
			Path proc = Path.of("/proc", String.valueOf(pid));
			return parse(Files.readString(proc.resolve("stat")), Files.readString(proc.resolve("status")));
		}
		catch (IOException ex) {
			return GONE;
		}
	}

	static ProcessUsage parse(String stat, String status) {
		// The command name (2nd field) is in parentheses and may hold spaces: count fields after the last ')'.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
		return new ProcessUsage(ticks / TICKS_PER_SECOND, kib(status, "VmHWM") / 1024.0, kib(status, "VmRSS") / 1024.0);
	}

	/** CPU time used since an earlier reading. */
	double cpuSince(ProcessUsage earlier) {
		return Math.max(0, this.cpuSeconds - earlier.cpuSeconds);
	}

	private static long kib(String status, String field) {
		for (String line : status.split("\n")) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
			}
		}
		return 0;
	}

}
