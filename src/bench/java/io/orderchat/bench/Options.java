package io.orderchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options: the scenario name, then {@code --key=value} pairs (a bare
 * {@code --flag} means {@code true}). {@code --smoke} shrinks every scenario to seconds.
 */
record Options(String scenario, Map<String, String> values) {

	static Options parse(String... args) {
		String scenario = null;
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--")) {
				int eq = arg.indexOf('=');
				if (eq < 0) {
					values.put(arg.substring(2), "true");
				}
				else {
					values.put(arg.substring(2, eq), arg.substring(eq + 1));
				}
			}
			else if (scenario == null) {
				scenario = arg;
			}
			else {
				throw new IllegalArgumentException("unexpected argument: " + arg);
			}
		}
		return new Options(scenario, values);
	}

	boolean smoke() {
		return flag("smoke");
	}

	boolean flag(String key) {
		return Boolean.parseBoolean(this.values.getOrDefault(key, "false"));
	}

	String text(String key, String fallback) {
		return this.values.getOrDefault(key, fallback);
	}

	/** An integer option; the smoke default applies under {@code --smoke}. */
	int integer(String key, int fallback, int smokeFallback) {
		String value = this.values.get(key);
		return (value != null) ? Integer.parseInt(value.replace("_", "").replace(",", "")) : smoke() ? smokeFallback : fallback;
	}

	double decimal(String key, double fallback, double smokeFallback) {
		String value = this.values.get(key);
		return (value != null) ? Double.parseDouble(value) : smoke() ? smokeFallback : fallback;
	}

	List<Double> decimals(String key, String fallback, String smokeFallback) {
		String value = this.values.getOrDefault(key, smoke() ? smokeFallback : fallback);
		List<Double> list = new ArrayList<>();
		for (String part : value.split("[,;]")) {
			if (!part.isBlank()) {
				list.add(Double.parseDouble(part.trim()));
			}
		}
		return list;
	}

}
