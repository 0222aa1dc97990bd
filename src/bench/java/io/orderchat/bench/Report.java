package io.orderchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints a result as a table and writes it, with the machine and the commit, as JSON. */
final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Report() {
	}

	static void print(Result result, PrintStream out) {
		out.println();
		out.println("== " + result.scenario + " ==");
		Set<String> columns = new LinkedHashSet<>();
		result.rows.forEach((row) -> columns.addAll(row.keySet()));
		List<String> header = new ArrayList<>(columns);
		List<List<String>> cells = new ArrayList<>();
		for (Map<String, Object> row : result.rows) {
			cells.add(header.stream().map((column) -> text(row.get(column))).toList());
		}
		int[] widths = new int[header.size()];
		for (int i = 0; i < header.size(); i++) {
			widths[i] = header.get(i).length();
			for (List<String> line : cells) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		out.println(line(header, widths));
		out.println(line(header.stream().map((h) -> "-".repeat(h.length())).toList(), widths).replace(' ', '-'));
		cells.forEach((line) -> out.println(line(line, widths)));
		if (!result.figures.isEmpty()) {
			out.println();
			result.figures.forEach((name, figure) -> out.println("  " + name + ": " + figure));
		}
		result.notes.forEach((note) -> out.println("  note: " + note));
	}

	private static String line(List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			line.append(" ".repeat(widths[i] - cell.length())).append(cell).append("  ");
		}
		return line.toString().stripTrailing();
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double d) {
			return String.valueOf(Result.round(d));
		}
		return value.toString();
	}

	/** Writes {@code <dir>/<scenario>.json} and answers its path. */
	static Path write(Result result, Options options, Path dir, Instant started) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scenario", result.scenario);
		json.put("startedAt", started.toString());
		json.put("finishedAt", Instant.now().toString());
		json.put("command", "bin/bench " + String.join(" ", args(options)));
		json.put("commit", commit());
		json.put("machine", machine());
		json.put("figures", result.figures);
		json.put("rows", result.rows);
		json.put("notes", result.notes);
		Files.createDirectories(dir);
		Path file = dir.resolve(result.scenario + ".json");
		JSON.writeValue(file.toFile(), json);
		String stamp = DateTimeFormatter.ISO_INSTANT.format(started).replace(":", "").replace("-", "");
		Files.copy(file, dir.resolve(result.scenario + "-" + stamp + ".json"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return file;
	}

	private static List<String> args(Options options) {
		List<String> args = new ArrayList<>();
		args.add(options.scenario());
		options.values().forEach((key, value) -> args.add("--" + key + ("true".equals(value) ? "" : "=" + value)));
		return args;
	}

	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpus", Runtime.getRuntime().availableProcessors());
		machine.put("cpuModel", cpuInfo("model name"));
		machine.put("memTotal", memInfo());
		machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		return machine;
	}

	private static String cpuInfo(String key) {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String memInfo() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String commit() {
		String override = System.getenv("BENCH_COMMIT");
		if (override != null && !override.isBlank()) {
			return override;
		}
		try {
			Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
			String out = new String(git.getInputStream().readAllBytes()).trim();
			return (git.waitFor() == 0) ? out : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
