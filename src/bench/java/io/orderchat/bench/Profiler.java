package io.orderchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code --profile}: records the OrderChat JVM with Java Flight Recorder during a scenario and
 * answers where its CPU samples went: the hottest methods by self time, and the hottest of
 * OrderChat's own methods (and the libraries right under them) by inclusive time. The recording
 * stays in {@code target/bench/<scenario>.jfr} for JDK Mission Control.
 */
final class Profiler {

	private final long pid;

	private final Path file;

	private Profiler(long pid, Path file) {
		this.pid = pid;
		this.file = file;
	}

	static Profiler start(Target target, Path output, String scenario) throws IOException {
		if (!target.jvm() || target.pid() <= 0 || target.pid() == ProcessHandle.current().pid()) {
			return null;
		}
		Path file = output.resolve(scenario + ".jfr").toAbsolutePath();
		Files.deleteIfExists(file);
		jcmd(target.pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + file);
		return new Profiler(target.pid(), file);
	}

	/** Stops the recording and adds the hot spots to the result's notes. */
	void stop(Result result, int top) throws IOException {
		jcmd(this.pid, "JFR.stop", "name=bench");
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> ours = new HashMap<>();
		Map<String, Integer> threads = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(this.file)) {
			if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = stack.getFrames();
			self.merge(name(frames.get(0)), 1, Integer::sum);
			Set<String> seen = new HashSet<>();
			for (RecordedFrame frame : frames) {
				String name = name(frame);
				if (name.startsWith("io.orderchat.") && seen.add(name)) {
					ours.merge(name, 1, Integer::sum);
				}
			}
			String thread = event.getThread("sampledThread") != null
					? event.getThread("sampledThread").getJavaName().replaceAll("[0-9]+", "#") : "?";
			threads.merge(thread, 1, Integer::sum);
		}
		result.note("profile: " + samples + " CPU samples of OrderChat in " + this.file);
		result.note("profile, threads: " + percent(threads, samples, 8));
		result.note("profile, hottest methods (self): " + percent(self, samples, top));
		result.note("profile, OrderChat methods (inclusive): " + percent(ours, samples, top));
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static Map<String, String> percent(Map<String, Integer> counts, int total, int top) {
		Map<String, String> sorted = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.forEach((entry) -> sorted.put(entry.getKey(),
					Result.round(100.0 * entry.getValue() / Math.max(1, total)) + "%"));
		return sorted;
	}

	private static void jcmd(long pid, String... command) throws IOException {
		List<String> line = new java.util.ArrayList<>();
		line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
		line.add(Long.toString(pid));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("jcmd " + String.join(" ", command) + ": " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
