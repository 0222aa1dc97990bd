package io.orderchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server process costs, read from outside: CPU time from {@code /proc/<pid>/stat}, RSS
 * from {@code /proc/<pid>/status}, and for a JVM the heap in use after a full GC (through
 * {@code jcmd}, or the memory bean when the server runs in this very process).
 */
final class ProcessProbe {

	// USER_HZ is 100 on every Linux the generator targets (sysconf(_SC_CLK_TCK)).
	private static final long NANOS_PER_TICK = 10_000_000L;

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private ProcessProbe() {
	}

	/** User + system CPU time of the process, in nanoseconds. */
	static long cpuNanos(long pid) {
		long[] time = userAndSystemNanos(pid);
		return (time[0] < 0) ? -1 : time[0] + time[1];
	}

	/**
	 * CPU time of a JVM's JIT compiler threads (HotSpot names them {@code C1 CompilerThread<n>}
	 * and {@code C2 CompilerThread<n>}), in nanoseconds: how much of a process's CPU went to
	 * compiling rather than serving. A compiler thread that ended between two readings takes
	 * its time with it, so a difference is a lower bound.
	 */
	static long jitCompilerNanos(long pid) {
		long total = 0;
		try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				try {
					String comm = Files.readString(task.resolve("comm"));
					if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
						long[] time = userAndSystem(Files.readString(task.resolve("stat")));
						total += time[0] + time[1];
					}
				}
				catch (IOException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return total;
	}

	/** User and system CPU time of the process apart, in nanoseconds: {@code {user, system}}. */
	static long[] userAndSystemNanos(long pid) {
		try {
			return userAndSystem(Files.readString(Path.of("/proc/" + pid + "/stat")));
		}
		catch (IOException ex) {
			return new long[] { -1, -1 };
		}
	}

	/** {@code {user, system}} in nanoseconds from a process's or a thread's {@code stat} line. */
	private static long[] userAndSystem(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields[0] is field 3 (state); utime is field 14, stime field 15
		return new long[] { Long.parseLong(fields[11]) * NANOS_PER_TICK, Long.parseLong(fields[12]) * NANOS_PER_TICK };
	}

	/** Whether process {@code pid} on this machine is a PostgreSQL server process. */
	static boolean isPostgres(long pid) {
		try {
			return Files.readString(Path.of("/proc/" + pid + "/comm")).strip().startsWith("postgres");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Resident set size in bytes. */
	static long rssBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// fall through
		}
		return -1;
	}

	/** Heap in use after a full GC, in bytes; -1 if it cannot be read. */
	static long heapAfterGc(long pid) {
		if (pid == ProcessHandle.current().pid()) {
			System.gc();
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}
		try {
			jcmd(pid, "GC.run");
			Matcher matcher = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
			return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * Live objects per class ({@code jcmd GC.class_histogram}, which collects first): class name
	 * to {instances, bytes}.
	 */
	static Map<String, long[]> classHistogram(long pid) {
		Map<String, long[]> histogram = new HashMap<>();
		try {
			for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length >= 4 && fields[0].endsWith(":")) {
					histogram.put(fields[3], new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[2]) });
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// an empty histogram then
		}
		return histogram;
	}

	/** Runs a full GC so that a following RSS reading does not count garbage. */
	static void collect(long pid) {
		if (pid == ProcessHandle.current().pid()) {
			System.gc();
			return;
		}
		try {
			jcmd(pid, "GC.run");
		}
		catch (IOException ex) {
			// measured without the collection then
		}
	}

	private static String jcmd(long pid, String command) throws IOException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
			.start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** CPU used between two readings as a share of one core. */
	static double cores(long cpuNanosBefore, long cpuNanosAfter, long wallNanos) {
		return (wallNanos <= 0) ? 0 : (double) (cpuNanosAfter - cpuNanosBefore) / wallNanos;
	}

}
